#!/usr/bin/env python3
"""Folds each HTTP function's OpenAPI attributes ([EndpointSummary], [Tags], [Accepts<T>], one [ProducesResponseType],
[ProducesProblem(s)], [ProducesValidationProblem]) into one [Api(...)] line, which the local host expands into the same
endpoint metadata in the same order. Attributes it cannot fold (a second response, [ExcludeFromDescription]) stay as
they are, after [Api]. Usage: scripts/convert-api-attributes.py FILE.cs... (rewrites the files in place)."""
import re
import sys

STATUS = re.compile(r'^StatusCodes\.Status(\d{3})\w*$')


def status(text):
    m = STATUS.match(text.strip())
    if not m:
        raise ValueError(f'not a StatusCodes constant: {text}')
    return int(m.group(1))


def strings(args):
    items = re.findall(r'"(?:[^"\\]|\\.)*"', args)
    if ', '.join(items) != args.strip():
        raise ValueError(f'not a list of string literals: {args}')
    return items


# Each foldable attribute: (rank in the expanded metadata order, parser). Ranks must not go down along a block.
def parse(line):
    text = line.strip()
    if m := re.fullmatch(r'\[EndpointSummary\(("(?:[^"\\]|\\.)*")\)\]', text):
        return 0, 'summary', m.group(1)
    if m := re.fullmatch(r'\[Tags\(("(?:[^"\\]|\\.)*")\)\]', text):
        return 1, 'tag', m.group(1)
    if m := re.fullmatch(r'\[Accepts<(.+)>\((.+)\)\]', text):
        return 2, 'body', (m.group(1), strings(m.group(2)))
    if m := re.fullmatch(r'\[ProducesResponseType<(.+)>\((StatusCodes\.\w+), ("[^"]+")\)\]', text):
        return 3, 'response', (m.group(1), status(m.group(2)), m.group(3))
    if m := re.fullmatch(r'\[ProducesResponseType\((StatusCodes\.\w+)\)\]', text):
        return 3, 'response', (None, status(m.group(1)), None)
    if m := re.fullmatch(r'\[ProducesProblems\(([\d, ]+)\)\]', text):
        return 4, 'problems', [int(s) for s in m.group(1).split(',')]
    if m := re.fullmatch(r'\[ProducesProblem\((StatusCodes\.\w+)\)\]', text):
        return 4, 'problems', [status(m.group(1))]
    if text == '[ProducesValidationProblem]':
        return 5, 'validation', True
    return None


def fold(attributes):
    """The [Api] line for the leading foldable attributes, and the lines left as they are."""
    found, rank, rest = {}, -1, []
    for i, line in enumerate(attributes):
        parsed = parse(line)
        if parsed is None or parsed[0] < rank or (parsed[1] in found and parsed[1] != 'problems'):
            rest = attributes[i:]
            break
        rank, key, value = parsed
        found[key] = found.get(key, []) + value if key == 'problems' else value
    for line in rest:
        parsed = parse(line)
        # A foldable attribute after one that stays would move in the metadata order: leave the block alone.
        if parsed is not None and parsed[1] != 'response':
            return None, attributes
    if 'summary' not in found or 'tag' not in found:
        return None, attributes
    type_, code, content_type = found.get('response', (None, None, None))
    args = [found['tag'], found['summary']]
    if type_ is not None:
        args.append(f'typeof({type_})')
    if code is not None and (code != 200 or type_ is None):
        args.append(f'Status = {code}')
    if content_type not in (None, '"application/json"'):
        args.append(f'ContentType = {content_type}')
    if 'body' in found:
        body, content_types = found['body']
        args.append(f'Body = typeof({body})')
        if content_types != ['"application/json"']:
            args.append(f'BodyContentTypes = [{", ".join(content_types)}]')
    if 'problems' in found:
        args.append(f'Problems = [{", ".join(str(p) for p in found["problems"])}]')
    if 'validation' in found:
        args.append('Validation = true')
    return f'[Api({", ".join(args)})]', rest


def convert(source):
    lines = source.split('\n')
    out, i, count = [], 0, 0
    while i < len(lines):
        out.append(lines[i])
        if lines[i].strip().startswith('[Function('):
            indent = lines[i][: len(lines[i]) - len(lines[i].lstrip())]
            j = i + 1
            while j < len(lines) and lines[j].strip().startswith('[') and lines[j].strip().endswith(']'):
                j += 1
            api, rest = fold(lines[i + 1 : j])
            if api is not None:
                out.append(indent + api)
                out.extend(rest)
                count += 1
            else:
                out.extend(lines[i + 1 : j])
            i = j
            continue
        i += 1
    return '\n'.join(out), count


if __name__ == '__main__':
    for path in sys.argv[1:]:
        with open(path, encoding='utf-8') as f:
            source = f.read()
        converted, count = convert(source)
        if count:
            with open(path, 'w', encoding='utf-8') as f:
                f.write(converted)
        print(f'{path}: {count} functions')
