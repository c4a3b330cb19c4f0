namespace Switchboard.Tests.Inbound.Parsing;

public class AttachmentTests
{
    [Fact]
    public void Pdf_attachment_keeps_its_name_type_and_size()
    {
        var mail = InboundFixtures.Parse("Clients/attachment-pdf.eml");

        var pdf = mail.Attachments[0];
        Assert.Equal(("Contract 2026 (signed).pdf", "application/pdf", 218L, false), (pdf.FileName, pdf.ContentType, pdf.Size, pdf.Inline));
        Assert.Equal("%PDF-1.4"u8.ToArray(), pdf.Content[..8]);
        Assert.Equal("Here is the signed contract and the logo for the portal.", mail.VisibleText);
    }

    [Fact]
    public void Attachment_without_a_name_is_named_by_position_and_type()
    {
        var mail = InboundFixtures.Parse("Clients/attachment-pdf.eml");

        Assert.Equal(("attachment-2.png", "image/png", 79L), (mail.Attachments[1].FileName, mail.Attachments[1].ContentType, mail.Attachments[1].Size));
    }

    [Fact]
    public void Inline_image_keeps_its_content_id_and_the_html_keeps_the_cid_source()
    {
        var mail = InboundFixtures.Parse("Clients/inline-image.eml");

        var image = Assert.Single(mail.Attachments);
        Assert.Equal(("dialog.png", "part1.0A1B2C3D@example.org", true), (image.FileName, image.ContentId, image.Inline));
        Assert.Contains("cid:part1.0A1B2C3D@example.org", mail.Html);
    }

    [Fact]
    public void Forwarded_message_part_is_an_eml_attachment_named_after_its_subject()
    {
        var mail = InboundFixtures.Parse("Clients/forwarded-as-attachment.eml");

        var attached = Assert.Single(mail.Attachments);
        Assert.Equal(("Invoice INV-2099.eml", "message/rfc822"), (attached.FileName, attached.ContentType));
        Assert.Contains("Your invoice INV-2099", System.Text.Encoding.UTF8.GetString(attached.Content));
        Assert.Equal("The attached invoice should be EUR 49.00, not 490.00.", mail.VisibleText);
    }
}
