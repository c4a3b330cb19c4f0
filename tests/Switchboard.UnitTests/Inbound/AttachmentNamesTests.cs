using Switchboard.Core.Inbound;

namespace Switchboard.UnitTests.Inbound;

public sealed class AttachmentNamesTests
{
    [Theory]
    [InlineData("../../x.txt", "x.txt")]
    [InlineData("/etc/passwd", "passwd")]
    [InlineData("..\\..\\windows\\evil.bat", "evil.bat")]
    [InlineData("C:\\temp\\report.txt", "report.txt")]
    [InlineData("nul\0byte.txt", "nul_byte.txt")]
    [InlineData("C:evil.txt", "C_evil.txt")]
    [InlineData("<img src=x>.txt", "<img src=x>.txt")]
    [InlineData("..", "fallback.bin")]
    [InlineData("dir/", "fallback.bin")]
    [InlineData("   ", "fallback.bin")]
    [InlineData(null, "fallback.bin")]
    [InlineData(".bashrc", "bashrc")]
    [InlineData("Invoice March.pdf", "Invoice March.pdf")]
    public void A_sender_supplied_name_becomes_a_plain_file_name(string? name, string expected) =>
        Assert.Equal(expected, AttachmentNames.Safe(name, "fallback.bin"));

    [Fact]
    public void A_very_long_name_is_shortened_keeping_its_extension()
    {
        var safe = AttachmentNames.Safe(new string('x', 300) + ".pdf", "fallback.bin");

        Assert.Equal(AttachmentNames.MaxLength, safe.Length);
        Assert.EndsWith("x.pdf", safe, StringComparison.Ordinal);
    }
}
