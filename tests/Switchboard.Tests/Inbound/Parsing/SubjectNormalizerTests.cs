using Switchboard.Core.Threading;

namespace Switchboard.Tests.Inbound.Parsing;

public class SubjectNormalizerTests
{
    [Theory]
    [InlineData("Re: Invoice 2041", "invoice 2041")]
    [InlineData("RE: RE: Re: Invoice 2041", "invoice 2041")]
    [InlineData("Re[2]: Invoice 2041", "invoice 2041")]
    [InlineData("Re(3): Invoice 2041", "invoice 2041")]
    [InlineData("Fwd: Invoice 2041", "invoice 2041")]
    [InlineData("FW: Invoice 2041", "invoice 2041")]
    [InlineData("Fw: Re: Invoice 2041", "invoice 2041")]
    [InlineData("AW: WG: Invoice 2041", "invoice 2041")]
    [InlineData("SV: VS: Invoice 2041", "invoice 2041")]
    [InlineData("Antw: Doorst: Invoice 2041", "invoice 2041")]
    [InlineData("RIF: R: Invoice 2041", "invoice 2041")]
    [InlineData("TR: Réf: Invoice 2041", "invoice 2041")]
    [InlineData("RV: Invoice 2041", "invoice 2041")]
    [InlineData("回复: 转发: 答复: Invoice 2041", "invoice 2041")]
    [InlineData("回复：Invoice 2041", "invoice 2041")]
    [InlineData("Ynt: Odp: Invoice 2041", "invoice 2041")]
    [InlineData("[acme-users] Re: Invoice 2041", "invoice 2041")]
    [InlineData("Re: [acme-users] Invoice 2041", "invoice 2041")]
    [InlineData("Invoice 2041 (fwd)", "invoice 2041")]
    [InlineData("  Re:   Invoice\t 2041  ", "invoice 2041")]
    [InlineData("INVOICE 2041", "invoice 2041")]
    public void Reply_and_forward_prefixes_and_list_tags_are_removed(string subject, string expected)
    {
        Assert.Equal(expected, SubjectNormalizer.Normalize(subject));
    }

    [Theory]
    [InlineData("Return policy", "return policy")]
    [InlineData("Fwd rates for March", "fwd rates for march")]
    [InlineData("Regarding: the new plan", "regarding: the new plan")]
    [InlineData("Trial: extend by a week?", "trial: extend by a week?")]
    [InlineData("Printer jams (again)", "printer jams (again)")]
    [InlineData("Re:", "re:")]
    [InlineData("", "")]
    public void Words_that_only_look_like_prefixes_are_kept(string subject, string expected)
    {
        Assert.Equal(expected, SubjectNormalizer.Normalize(subject));
    }

    [Theory]
    [InlineData("Fwd: Delivery", true)]
    [InlineData("FW: Re: Delivery", true)]
    [InlineData("WG: Lieferung", true)]
    [InlineData("Re: Fwd: Delivery", false)]
    [InlineData("Delivery", false)]
    public void Forward_is_recognised_by_the_outermost_prefix(string subject, bool isForward)
    {
        Assert.Equal(isForward, SubjectNormalizer.IsForward(subject));
    }
}
