using Switchboard.Core.Search;

namespace Switchboard.UnitTests.Search;

public sealed class SearchTermsTests
{
    [Fact]
    public void Terms_are_lower_case_without_accents_stop_words_or_single_letters()
    {
        Assert.Equal(["creme", "brulee", "recipe", "cafe"], SearchTerms.Of("The Crème Brûlée recipe: a Café is IT"));
    }

    [Fact]
    public void An_address_is_a_term_whole_and_in_parts()
    {
        Assert.Equal(["ana.pereira@example.com", "ana", "pereira", "example", "com"], SearchTerms.Of("<Ana.Pereira@Example.com>"));
    }

    [Fact]
    public void A_query_address_is_searched_whole_only()
    {
        Assert.Equal(["ana.pereira@example.com", "invoice"], SearchTerms.OfQuery("ana.pereira@example.com invoice"));
    }

    [Fact]
    public void Repeated_words_count_once_and_punctuation_splits()
    {
        Assert.Equal(["export", "csv", "fails", "again"], SearchTerms.Of("Export-CSV fails; export fails again!"));
    }

    [Fact]
    public void Nothing_searchable_gives_no_terms()
    {
        Assert.Empty(SearchTerms.OfQuery("  the a of  "));
        Assert.Empty(SearchTerms.OfQuery(null));
    }
}
