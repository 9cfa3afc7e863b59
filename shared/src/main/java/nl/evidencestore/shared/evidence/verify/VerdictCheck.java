package nl.evidencestore.shared.evidence.verify;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.event.access.VerdictReassessed;
import nl.evidencestore.shared.event.agreement.AgreementEvent;
import nl.evidencestore.shared.model.Verdict;
import nl.evidencestore.shared.model.Violation;
import nl.evidencestore.shared.rules.AccessFacts;
import nl.evidencestore.shared.rules.AccessRules;
import nl.evidencestore.shared.terms.AgreementTerms;

/**
 * Every verdict again, as the command side's Agreement aggregate reached it: the terms folded
 * from the agreement's events before the access, in sequence order, and the register as the
 * employee streams recorded it up to the access's recordedAt; then the one {@link AccessRules}.
 * On the one pass the register is not known yet and is assumed ({@link RegisterAssumptions});
 * when that cannot settle every verdict, a second reading judges them all with the register known.
 */
final class VerdictCheck {
    private final String agreementId;
    /** Exactly one of these two is set: the register known, or the register assumed. */
    private final EmployeeHistory.Replay employees;
    private final RegisterAssumptions assumed;
    private final Set<String> reassessedAccesses;
    private Instant lastRecorded = Instant.MIN;
    private final AgreementTerms terms = new AgreementTerms();
    /** The accesses a reassessment cites (a few): their facts, and the verdict that stands so far. */
    private final Map<String, AccessFacts> citedFacts = new HashMap<>();
    private final Map<String, Verdict> citedVerdicts = new HashMap<>();
    private static final String ARTICLE_2_3 = "2.3";
    private final Findings findings = new Findings(Checks.VERDICTS);
    private long judged;

    private VerdictCheck(String agreementId, EmployeeHistory.Replay employees, RegisterAssumptions assumed,
                         Set<String> reassessedAccesses) {
        this.agreementId = agreementId;
        this.employees = employees;
        this.assumed = assumed;
        this.reassessedAccesses = reassessedAccesses;
    }

    /** Judged on the one pass, the register assumed. */
    static VerdictCheck assuming(String agreementId, RegisterAssumptions assumed) {
        return new VerdictCheck(agreementId, null, assumed, Set.of());
    }

    /** Judged on a second reading, the register and the accesses reassessments cite known. */
    static VerdictCheck knowing(String agreementId, EmployeeHistory employees) {
        return new VerdictCheck(agreementId, employees.replay(), null, employees.reassessedAccesses());
    }

    void accept(LineFacts facts) {
        if (!facts.parsed() || !facts.streamId().equals(agreementId) || facts.isStub()) {
            return;
        }
        if (facts.undecodable() != null) {
            findings.fail(facts, facts.undecodable() + ": the verdicts after it cannot be recomputed");
        } else if (facts.event() instanceof AgreementEvent event) {
            terms.apply(event);
        } else if (facts.event() instanceof AccessRecorded access) {
            // Dispatched here, not in a method between: one hot method less for the compiler to compile again.
            judged++;
            if (assumed != null) {
                judgeAssuming(facts, access);
            } else {
                judge(facts, access);
            }
        } else if (facts.event() instanceof VerdictReassessed reassessed) {
            rejudge(facts, reassessed);
        }
    }

    /** The access judged with the register known. */
    private void judge(LineFacts facts, AccessRecorded access) {
        if (reassessedAccesses.contains(access.accessId())) {
            citedFacts.put(access.accessId(), access.facts());
            citedVerdicts.put(access.accessId(), access.verdict());
        }
        AccessRules.Judgement judgement;
        try {
            // Whether the instruction was another agreement's is the one fact from outside the bundle: it travels in the access.
            judgement = AccessRules.judge(access.facts(), terms, employees.at(facts.envelope().recordedAt()));
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

    /**
     * The access judged with the register it assumes. A failure that names what the rules give
     * depends on the register, unless the rules never asked it: only those are named now.
     */
    private void judgeAssuming(LineFacts facts, AccessRecorded access) {
        Instant recordedAt = facts.envelope().recordedAt();
        if (recordedAt.isBefore(lastRecorded)) {
            assumed.undecided();
        }
        lastRecorded = recordedAt;
        boolean registered = !breaks(access.verdict(), ARTICLE_2_3);
        AccessRules.Judgement judgement;
        try {
            judgement = AccessRules.judge(access.facts(), terms, assumed.assume(registered));
        } catch (RuntimeException e) {
            assumed.undecided();
            return;
        }
        boolean holds = judgement.verdict().equals(access.verdict()) && judgement.instructionVerified() == access.instructionVerified();
        if (holds) {
            assumed.held(recordedAt);
        } else if (assumed.consulted()) {
            assumed.undecided();
        } else if (!judgement.verdict().equals(access.verdict())) {
            findings.fail(facts, "access " + access.accessId() + " is recorded as " + access.verdict()
                    + " but the rules give " + judgement.verdict());
        } else {
            findings.fail(facts, "access " + access.accessId() + " records instructionVerified="
                    + access.instructionVerified() + " but the rules give " + judgement.instructionVerified());
        }
    }

    private static boolean breaks(Verdict verdict, String article) {
        for (Violation violation : verdict.violations()) {
            if (article.equals(violation.article())) {
                return true;
            }
        }
        return false;
    }

    /** A reassessment: its access's facts judged again against the terms as known at this point. */
    private void rejudge(LineFacts facts, VerdictReassessed reassessed) {
        judged++;
        if (assumed != null) {
            // Its access came earlier, and its facts were not kept: only a second reading can hold it to them.
            assumed.undecided();
            return;
        }
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
                    employees.at(facts.envelope().recordedAt())).verdict();
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
