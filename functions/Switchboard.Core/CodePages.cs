using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;

namespace Switchboard.Core;

internal static class CodePages
{
    /// <summary>
    /// MimeKit builds its table of charsets once, the first time any of its types is used, and finds Windows-125x,
    /// Shift_JIS, ISO-2022-JP, … only if the code-pages provider is registered by then. Registering when this assembly
    /// loads, rather than when the parser first runs, keeps that order whatever touches MimeKit first.
    /// </summary>
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "The registration must precede any use of MimeKit in the process; see above.")]
    internal static void Register() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
}
