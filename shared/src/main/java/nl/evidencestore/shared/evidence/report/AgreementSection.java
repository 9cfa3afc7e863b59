package nl.evidencestore.shared.evidence.report;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.evidencestore.shared.event.agreement.AgreementDrafted;
import nl.evidencestore.shared.event.agreement.InstructionRegistered;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.SubProcessor;
import nl.evidencestore.shared.terms.AgreementTerms;
import nl.evidencestore.shared.terms.AmendmentAt;
import nl.evidencestore.shared.terms.ConsentStatus;
import nl.evidencestore.shared.terms.TermsAt;

/** "The agreement as it stood": parties, signatures, standing, and what it allowed at the period's end. */
final class AgreementSection {
    /** Instructions can number thousands (one per support ticket): the report shows the latest. */
    static final int INSTRUCTIONS_SHOWN = 25;

    private AgreementSection() {
    }

    static void write(Html html, ReportFigures figures) {
        Instant end = figures.scope().to();
        html.section("agreement", "The agreement as it stood");
        AgreementTerms terms = figures.terms();
        Optional<AgreementDrafted> draft = terms.draft();
        if (draft.isEmpty()) {
            html.p("The agreement had not been drafted by the end of the period (" + Formats.instant(end)
                    + "): there are no terms to show.").endSection();
            return;
        }
        TermsAt at = terms.at(end);
        html.p("As recorded by the end of the period, " + Formats.instant(end)
                + ", and in force on that day (Dutch time, Art. 12.1).");
        parties(html, draft.get());
        signatures(html, figures);
        standing(html, terms, at, draft.get());
        purposesAndCategories(html, at);
        subProcessors(html, at);
        transfers(html, at);
        instructions(html, terms.instructionsAt(end));
        amendments(html, terms.amendmentsAt(end));
        if (figures.lifecycleFactsAfterPeriod() > 0) {
            html.p(Formats.count(figures.lifecycleFactsAfterPeriod()) + " further lifecycle fact(s) were recorded"
                    + " after the period; they are in events.jsonl but not reflected above.");
        }
        html.endSection();
    }

    private static void parties(Html html, AgreementDrafted d) {
        html.table("Parties (De ondergetekenden)", List.of("Role", "Name", "Address", "Represented by"), List.of(
                List.of(Html.join("Controller (", Html.dutch("Verwerkingsverantwoordelijke"), ")"),
                        d.controller().name() + " (" + d.controller().id() + ")", d.controller().address(),
                        d.controller().representative()),
                List.of(Html.join("Processor (", Html.dutch("Verwerker"), ")"), d.processor().name(),
                        d.processor().address(), d.processor().representative())));
        html.facts("Agreement text", "version " + d.version() + ", SHA-256 " + d.documentSha256());
    }

    private static void signatures(Html html, ReportFigures figures) {
        List<List<?>> rows = figures.signatures().stream()
                .<List<?>>map(s -> List.of(Formats.words(s.party().name()), Formats.text(s.signatory()), Formats.text(s.place()),
                        Formats.date(s.signedOn()), Formats.text(s.documentSha256())))
                .toList();
        if (rows.isEmpty()) {
            html.p("No signature was recorded by the end of the period.");
            return;
        }
        html.table("Signatures (Art. 11.1)", List.of("Party", "Signatory", "Place", "Signed on", "Document SHA-256"), rows);
    }

    private static void standing(Html html, AgreementTerms terms, TermsAt at, AgreementDrafted d) {
        html.facts("Standing at the end of the period", Formats.words(at.standing().name()),
                "Effective on (Art. 11.1)", Formats.date(terms.effectiveOn().orElse(null)),
                "Terminated on (Art. 11.2, first day not covered)", Formats.date(terms.terminatedOn().orElse(null)),
                "Registered instructions required (Art. 1.1)", Formats.yesNo(d.requireRegisteredInstructions()));
    }

    private static void purposesAndCategories(Html html, TermsAt at) {
        List<List<?>> purposes = at.purposeAllowances().stream()
                .sorted(Comparator.comparing(p -> p.purpose().name()))
                .<List<?>>map(p -> List.of(p.purpose().name(), Formats.words(p.basis().name()), Formats.date(p.since()),
                        Formats.text(p.consentReference() != null ? p.consentReference() : p.amendmentId())))
                .toList();
        html.table("Purposes allowed (Art. 1.2, 1.3)", List.of("Purpose", "Basis", "Since", "Consent or amendment"), purposes);
        List<DataCategory> categories = at.categories().stream().sorted(Comparator.comparing(DataCategory::name)).toList();
        html.facts(Html.join("Categories of personal data (Annex 1, ", Html.dutch("Bijlage 1"), ")"),
                Formats.categories(categories));
    }

    private static void subProcessors(Html html, TermsAt at) {
        if (at.consents().isEmpty()) {
            html.p("No sub-processor was listed or proposed (Art. 3.1, Annex 2).");
            return;
        }
        List<List<?>> rows = at.consents().entrySet().stream().<List<?>>map(e -> {
            SubProcessor s = at.subProcessors().get(e.getKey());
            ConsentStatus c = e.getValue();
            return List.of(e.getKey(), s == null ? Formats.NONE : s.name(), s == null ? Formats.NONE : s.country(),
                    s == null ? Formats.NONE : s.services(), Formats.words(c.state().name()),
                    c.basis() == null ? Formats.NONE : Formats.words(c.basis().name()),
                    Formats.text(c.consentReference() != null ? c.consentReference() : c.amendmentId()),
                    Formats.date(c.grantedOn()), Formats.date(c.revokedOn()));
        }).toList();
        html.table("Sub-processors and consents (Art. 3.1, Annex 2)", List.of("Sub-processor", "Name", "Country",
                "Services", "Consent", "Basis", "Reference", "Granted on", "Revoked on"), rows);
    }

    private static void transfers(Html html, TermsAt at) {
        if (at.transferGrants().isEmpty()) {
            html.p("No consent to processing outside the EEA was in force (Art. 3.2).");
            return;
        }
        html.table("Consents to processing outside the EEA (Art. 3.2)", List.of("Country", "Consent", "Granted on"),
                at.transferGrants().stream().<List<?>>map(t -> List.of(t.country().code(), t.consentReference(),
                        Formats.date(t.grantedOn()))).toList());
    }

    private static void instructions(Html html, List<InstructionRegistered> instructions) {
        if (instructions.isEmpty()) {
            html.p("No instruction of the controller was registered (Art. 1.1).");
            return;
        }
        List<InstructionRegistered> shown = instructions.subList(Math.max(0, instructions.size() - INSTRUCTIONS_SHOWN),
                instructions.size());
        html.table("Registered instructions (Art. 1.1): " + Formats.count(instructions.size()) + " in all, the last "
                        + Formats.count(shown.size()) + " registered shown",
                List.of("Instruction", "Kind", "Issued on", "Valid until", "Purposes", "Categories"),
                shown.stream().<List<?>>map(i -> List.of(i.instructionId(), Formats.text(i.kind()),
                        Formats.date(i.issuedOn()), Formats.date(i.validUntil()), Formats.names(i.purposes()),
                        Formats.categories(i.categories()))).toList());
    }

    private static void amendments(Html html, List<AmendmentAt> amendments) {
        if (amendments.isEmpty()) {
            return;
        }
        html.table("Amendments (Art. 11.3)", List.of("Amendment", "Proposed by", "Notice given on", "Effective on",
                        "Standing", "Description"),
                amendments.stream().<List<?>>map(a -> List.of(a.proposal().amendmentId(), a.proposal().proposedBy().name(),
                        Formats.date(a.proposal().noticeGivenOn()), Formats.date(a.proposal().effectiveOn()),
                        Formats.words(a.status().name()), Formats.text(a.proposal().description()))).toList());
    }
}
