package nl.evidencestore.shared.evidence.report;

/** The report's inline style sheet: readable on screen, sober on paper, no external fonts. */
final class ReportStyle {
    static final String CSS = """
            :root { color-scheme: light; }
            body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1b1b1b;
                   max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
            header .kind { margin: 0; color: #555; font-size: .9rem; text-transform: uppercase; letter-spacing: .04em; }
            h1 { font-size: 1.6rem; margin: .2rem 0 1rem; }
            h2 { font-size: 1.3rem; border-bottom: 2px solid #1f4e79; padding-bottom: .2rem; margin-top: 2.2rem; }
            h3 { font-size: 1.1rem; margin-top: 1.5rem; }
            nav ol { columns: 2; margin: 0; }
            nav h2 { margin-top: 0; border: none; font-size: 1rem; }
            table { border-collapse: collapse; width: 100%; margin: .8rem 0 1.2rem; font-size: .92rem; }
            caption { text-align: left; font-weight: 600; padding: .3rem 0; }
            th, td { border: 1px solid #c8c8c8; padding: .3rem .5rem; text-align: left; vertical-align: top;
                     overflow-wrap: anywhere; }
            thead th { background: #e8eef5; }
            tbody th { font-weight: 600; background: #f7f7f7; }
            dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: .8rem 0; }
            dt { font-weight: 600; }
            dd { margin: 0; overflow-wrap: anywhere; }
            code, pre { font-family: ui-monospace, "SFMono-Regular", Consolas, monospace; font-size: .88rem; }
            pre { background: #f3f3f3; border: 1px solid #ddd; padding: .6rem; white-space: pre-wrap; }
            .verdict-violation { color: #9b1c1c; font-weight: 600; }
            footer { margin-top: 2.5rem; border-top: 1px solid #ccc; color: #555; font-size: .85rem; }
            @media print {
              body { max-width: none; padding: 0; font-size: 10.5pt; }
              nav { display: none; }
              section { break-inside: auto; }
              h2, h3, caption { break-after: avoid; }
              tr { break-inside: avoid; }
              a { color: inherit; text-decoration: none; }
            }
            """;

    private ReportStyle() {
    }
}
