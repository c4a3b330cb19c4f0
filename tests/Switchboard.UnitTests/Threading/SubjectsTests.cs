using Switchboard.Core.Threading;

namespace Switchboard.UnitTests.Threading;

public sealed class SubjectsTests
{
    /// <summary>Reply and forward prefixes as the mail clients of many languages write them.</summary>
    public static TheoryData<string> Prefixes => new()
    {
        "Re", "RE", "re", "Aw", "AW", "Sv", "SV", "Vs", "VS", "Vl", "Antw", "Antwort", "R", "Rif", "RIF", "Ref", "Réf",
        "Res", "Odp", "Ynt", "Atb", "回复", "答复", "回覆", "Fwd", "FWD", "Fw", "FW", "WG", "TR", "RV", "Enc", "Doorst",
        "VB", "转发", "轉寄", "転送", "Re[2]", "RE(3)", "Re^2",
    };

    [Theory]
    [MemberData(nameof(Prefixes))]
    public void Every_prefix_is_recognised_removed_from_the_shown_subject_and_from_the_threading_key(string prefix)
    {
        foreach (var subject in new[] { $"{prefix}: Invoice 2041", $"{prefix}：Invoice 2041", $"{prefix} : Invoice 2041", $"[acme-users] {prefix}: Invoice 2041" })
        {
            Assert.True(Subjects.IsReplyOrForward(subject), subject);
            Assert.Equal("Invoice 2041", Subjects.WithoutPrefixes(subject));
            Assert.Equal("invoice 2041", Subjects.ThreadingKey(subject));
        }
    }

    [Theory]
    [InlineData("RE: RE: Re: Invoice 2041")]
    [InlineData("AW: WG: Invoice 2041")]
    [InlineData("SV: VS: Invoice 2041")]
    [InlineData("Antw: Doorst: Invoice 2041")]
    [InlineData("RIF: R: Invoice 2041")]
    [InlineData("TR: Réf: Invoice 2041")]
    [InlineData("RV: Re: Invoice 2041")]
    [InlineData("回复: 转发: 答复: Invoice 2041")]
    [InlineData("Ynt: Odp: Invoice 2041")]
    [InlineData("Fw: Re: Invoice 2041")]
    public void Stacked_prefixes_are_all_removed(string subject)
    {
        Assert.Equal("Invoice 2041", Subjects.WithoutPrefixes(subject));
        Assert.Equal("invoice 2041", Subjects.ThreadingKey(subject));
    }

    [Theory]
    [InlineData("Return policy")]
    [InlineData("Fwd rates for March")]
    [InlineData("Regarding: the new plan")]
    [InlineData("Trial: extend by a week?")]
    [InlineData("Resolved: printer")]
    [InlineData("Printer jams (again)")]
    [InlineData("Invoice")]
    public void Words_that_only_start_like_a_prefix_are_kept(string subject)
    {
        Assert.False(Subjects.IsReplyOrForward(subject));
        Assert.Equal(subject, Subjects.WithoutPrefixes(subject));
        Assert.Equal(subject.ToLowerInvariant(), Subjects.ThreadingKey(subject));
    }

    [Theory]
    [InlineData("Re: [acme-users] Invoice 2041", "invoice 2041")]
    [InlineData("[acme-users] Invoice 2041", "invoice 2041")]
    [InlineData("Invoice 2041 (fwd)", "invoice 2041")]
    [InlineData("  Re:   Invoice\t 2041  ", "invoice 2041")]
    [InlineData("INVOICE 2041", "invoice 2041")]
    [InlineData("Re:", "re:")]
    [InlineData("", "")]
    public void The_threading_key_also_drops_list_tags_and_fwd_markers_and_folds_case_and_spaces(string subject, string key)
    {
        Assert.Equal(key, Subjects.ThreadingKey(subject));
    }

    [Theory]
    [InlineData("Re: AW: Fwd: Invoice for March", "Invoice for March")]
    [InlineData("RE:", "(no subject)")]
    [InlineData("", "(no subject)")]
    [InlineData("[acme-users] Outage", "[acme-users] Outage")]
    public void The_shown_subject_keeps_case_and_says_when_there_is_none(string subject, string shown)
    {
        Assert.Equal(shown, Subjects.WithoutPrefixes(subject));
    }

    [Theory]
    [InlineData("RV: Factura de marzo")]
    [InlineData("Rif: Fattura di marzo")]
    [InlineData("Odp: Faktura za marzec")]
    [InlineData("転送: 3月の請求書")]
    [InlineData("[acme-users] TR: Re: Facture")]
    [InlineData("Doorst: Antw: Factuur")]
    public void The_shown_subject_and_the_threading_key_agree(string subject)
    {
        Assert.Equal(Subjects.ThreadingKey(subject), Subjects.ThreadingKey(Subjects.WithoutPrefixes(subject)));
        Assert.True(Subjects.IsReplyOrForward(subject));
    }

    [Theory]
    [InlineData("Fwd: Delivery", true)]
    [InlineData("FW: Re: Delivery", true)]
    [InlineData("WG: Lieferung", true)]
    [InlineData("RV: Entrega", true)]
    [InlineData("転送: 配達", true)]
    [InlineData("[acme] Fwd: Delivery", true)]
    [InlineData("Re: Fwd: Delivery", false)]
    [InlineData("Delivery", false)]
    public void A_forward_is_recognised_by_the_outermost_prefix(string subject, bool isForward)
    {
        Assert.Equal(isForward, Subjects.IsForward(subject));
    }
}
