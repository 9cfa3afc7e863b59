package nl.evidencestore.shared.evidence.verify;

import java.util.HashMap;
import java.util.Map;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.event.access.VerdictReassessed;
import nl.evidencestore.shared.event.agreement.AgreementEvent;
import nl.evidencestore.shared.model.Verdict;
import nl.evidencestore.shared.rules.AccessFacts;
import nl.evidencestore.shared.rules.AccessRules;
import nl.evidencestore.shared.terms.AgreementTerms;

/**
 * Every verdict again, as the command side's Agreement aggregate reached it: the terms folded
 * from the agreement's events before the access, in sequence order, and the register as the
 * employee streams recorded it up to the access's recordedAt; then the one {@link AccessRules}.
 */
final class VerdictCheck {
    private final String agreementId;
    private final EmployeeHistory employees;
    private final AgreementTerms terms = new AgreementTerms();
    /** The accesses a reassessment cites (a few): their facts, and the verdict that stands so far. */
    private final Map<String, AccessFacts> citedFacts = new HashMap<>();
    private final Map<String, Verdict> citedVerdicts = new HashMap<>();
    private final Findings findings = new Findings(Checks.VERDICTS);
    private long judged;

    VerdictCheck(String agreementId, EmployeeHistory employees) {
        this.agreementId = agreementId;
        this.employees = employees;
    }

    void accept(LineFacts facts) {
        if (!facts.parsed() || !facts.streamId().equals(agreementId) || facts.line().isStub()) {
            return;
        }
        if (facts.undecodable() != null) {
            findings.fail(facts, facts.undecodable() + ": the verdicts after it cannot be recomputed");
        } else if (facts.event() instanceof AgreementEvent event) {
            terms.apply(event);
        } else if (facts.event() instanceof AccessRecorded access) {
            judge(facts, access);
        } else if (facts.event() instanceof VerdictReassessed reassessed) {
            rejudge(facts, reassessed);
        }
    }

    private void judge(LineFacts facts, AccessRecorded access) {
        judged++;
        if (employees.reassessedAccesses().contains(access.accessId())) {
            citedFacts.put(access.accessId(), access.facts());
            citedVerdicts.put(access.accessId(), access.verdict());
        }
        AccessRules.Judgement judgement;
        try {
            // Whether the instruction was another agreement's is the one fact from outside the bundle: it travels in the access.
            judgement = AccessRules.judge(access.facts(), terms, employees.at(facts.line().envelope().recordedAt()));
        } catch (RuntimeException e) {
            findings.fail(facts, "access " + access.accessId() + " cannot be judged: " + e.getMessage());
            return;
        }
        if (!judgement.verdict().equals(access.verdict())) {
            findings.fail(facts, "access " + access.accessId() + " is recorded as " + access.verdict()
                    + " but the rules give " + judgement.verdict());
        } else if (judgement.instructionVerified() != access.instructionVerified()) {
            findings.fail(facts, "access " + access.accessId() + " records instructionVerified="
                    + access.instructionVerified() + " but the rules give " + judgement.instructionVerified());
        }
    }

    /** A reassessment: its access's facts judged again against the terms as known at this point. */
    private void rejudge(LineFacts facts, VerdictReassessed reassessed) {
        judged++;
        AccessFacts recorded = citedFacts.get(reassessed.accessId());
        if (recorded != null && !recorded.equals(reassessed.facts())) {
            findings.fail(facts, "the reassessment of access " + reassessed.accessId()
                    + " cites facts that differ from the access as recorded");
            return;
        }
        Verdict standing = citedVerdicts.get(reassessed.accessId());
        if (standing != null && !standing.equals(reassessed.previous())) {
            findings.fail(facts, "the reassessment of access " + reassessed.accessId() + " says it was "
                    + reassessed.previous() + " but it stood at " + standing);
            return;
        }
        if (standing != null) {
            citedVerdicts.put(reassessed.accessId(), reassessed.current());
        }
        Verdict verdict;
        try {
            verdict = AccessRules.judge(reassessed.facts(), terms,
                    employees.at(facts.line().envelope().recordedAt())).verdict();
        } catch (RuntimeException e) {
            findings.fail(facts, "the reassessment of access " + reassessed.accessId() + " cannot be judged: " + e.getMessage());
            return;
        }
        if (!verdict.equals(reassessed.current())) {
            findings.fail(facts, "access " + reassessed.accessId() + " is reassessed as " + reassessed.current()
                    + " but the rules give " + verdict);
        }
    }

    Check result() {
        return findings.result(judged + " verdict(s) recomputed from the terms and the register, all equal");
    }
}
