/** A select's options: each value shown by its label (the value itself by default). */
export function Options<T extends string>({ values, label = (value) => value }: { values: readonly T[]; label?: (value: T) => string }) {
  return (
    <>
      {values.map((value) => (
        <option key={value} value={value}>
          {label(value)}
        </option>
      ))}
    </>
  );
}

/** A select's options for named things, by id (nothing while they load). */
export function NamedOptions({ items }: { items: readonly { id: string; name: string }[] | undefined }) {
  return (
    <>
      {items?.map((item) => (
        <option key={item.id} value={item.id}>
          {item.name}
        </option>
      ))}
    </>
  );
}
