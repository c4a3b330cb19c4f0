using System.Text;

namespace Switchboard.Handlers.Status.Site;

/// <summary>The page's stylesheet and the embeddable widget, published with every release of the section.</summary>
public static class StatusAssets
{
    public static readonly byte[] Style = Encoding.UTF8.GetBytes("""
        :root { font-family: system-ui, sans-serif; color: #1b1f24; background: #f6f7f9; }
        body { max-width: 52rem; margin: 0 auto; padding: 1rem; }
        a { color: #0b5cad; }
        .overall { padding: 1rem; border-radius: .5rem; color: #fff; font-weight: 600; font-size: 1.2rem; background: #1f883d; }
        .overall.is-minor { background: #bf8700; } .overall.is-major { background: #d1570f; }
        .overall.is-critical { background: #cf222e; } .overall.is-maintenance { background: #0969da; }
        section, article { background: #fff; border-radius: .5rem; padding: .5rem 1rem; margin: 1rem 0; }
        .subscribe label { display: block; margin: .5rem 0; } .subscribe fieldset { border: 1px solid #d0d7de; border-radius: .25rem; }
        .subscribe fieldset label { display: inline-block; margin-right: 1rem; } .hp { position: absolute; left: -10000px; }
        .component p { display: flex; justify-content: space-between; margin: .5rem 0 .25rem; }
        .component .state, .group .state { font-size: .9rem; color: #1f883d; }
        .is-degraded-performance .state { color: #bf8700; } .is-partial-outage .state { color: #d1570f; }
        .is-major-outage .state { color: #cf222e; } .is-under-maintenance .state { color: #0969da; }
        .bars { display: flex; gap: 2px; list-style: none; padding: 0; margin: 0; height: 2rem; }
        .bars li { flex: 1; background: #2da44e; border-radius: 1px; }
        .bars li.is-degraded-performance { background: #d4a72c; } .bars li.is-partial-outage { background: #fb8f44; }
        .bars li.is-major-outage { background: #cf222e; } .bars li.is-under-maintenance { background: #54aeff; }
        .bars li.is-no-data { background: #d0d7de; }
        .uptime { font-size: .8rem; color: #59636e; text-align: center; }
        .updates { list-style: none; padding: 0; } .updates li { margin: .5rem 0; }
        .updates time, .affects { display: block; font-size: .8rem; color: #59636e; }
        footer { font-size: .85rem; color: #59636e; }
        """);

    /// <summary>
    /// <c>widget.js</c>: <c>&lt;script src="…/status/widget.js" defer&gt;&lt;/script&gt;</c> fills every element with
    /// <c>data-switchboard-status</c> with the overall status, linked to the page, from <c>status.json</c> beside it.
    /// </summary>
    public static readonly byte[] Widget = Encoding.UTF8.GetBytes("""
        (function () {
          var script = document.currentScript;
          var base = new URL('.', script ? script.src : location.href);
          fetch(new URL('status.json', base), { cache: 'no-cache' })
            .then(function (r) { return r.json(); })
            .then(function (s) {
              document.querySelectorAll('[data-switchboard-status]').forEach(function (el) {
                var a = document.createElement('a');
                a.href = base.href;
                a.textContent = s.status.description;
                a.setAttribute('data-indicator', s.status.indicator);
                el.replaceChildren(a);
              });
            })
            .catch(function () { /* the host page must not break when the status page cannot be reached */ });
        })();
        """);
}
