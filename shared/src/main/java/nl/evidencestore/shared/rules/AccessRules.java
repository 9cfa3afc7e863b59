package nl.evidencestore.shared.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import nl.evidencestore.shared.event.agreement.InstructionRegistered;
import nl.evidencestore.shared.model.ActorKind;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Verdict;
import nl.evidencestore.shared.model.Violation;
import nl.evidencestore.shared.model.ValidTime;
import nl.evidencestore.shared.terms.AgreementTerms;
import nl.evidencestore.shared.terms.TermsAt;

/**
 * Judges one access against the agreement as it stood when the access occurred. Every broken
 * rule is named by its article in the agreement's own numbering; a violation is evidence, so
 * nothing here refuses anything.
 */
public final class AccessRules {
    /** The verdict, and whether the cited instruction was one registered for this agreement. */
    public record Judgement(Verdict verdict, boolean instructionVerified) {
    }

    private AccessRules() {
    }

    public static Judgement judge(AccessFacts access, AgreementTerms terms, EmployeeRegister employees) {
        TermsAt at = terms.at(access.occurredAt());
        List<Violation> violations = new ArrayList<>();
        inForce(at, violations);
        if (!at.purposes().contains(access.purpose())) {
            violations.add(new Violation("1.3", "purpose " + access.purpose() + " is not allowed by the agreement at that moment"));
        }
        boolean verified = instruction(access, terms, at, violations);
        categories(access, at, violations);
        actor(access, at, employees, violations);
        transfer(access, at, violations);
        return new Judgement(Verdict.of(violations), verified);
    }

    private static void inForce(TermsAt at, List<Violation> violations) {
        switch (at.standing()) {
            case NOT_YET_EFFECTIVE -> violations.add(new Violation("11.1", "the agreement was not yet in force"));
            case TERMINATED -> violations.add(new Violation("11.2", "the agreement had ended"));
            case EFFECTIVE -> {
            }
        }
    }

    /**
     * Art. 1.1: processing only on the controller's documented instruction. An instruction
     * registered for this agreement is judged by its terms, whether or not another agreement
     * registered the same id; one registered only for another agreement is never this one's.
     */
    private static boolean instruction(AccessFacts access, AgreementTerms terms, TermsAt at, List<Violation> violations) {
        if (access.instructionRef() == null || access.instructionRef().isBlank()) {
            violations.add(new Violation("1.1", "no instruction of the controller was cited"));
            return false;
        }
        Optional<InstructionRegistered> registered = terms.instruction(access.instructionRef());
        if (registered.isEmpty()) {
            if (access.instructionOfAnotherAgreement()) {
                // Said without the other agreement's id: this verdict is shown to this agreement's auditors.
                violations.add(new Violation("1.1", "the cited instruction belongs to another agreement"));
            } else if (at.requireRegisteredInstructions()) {
                violations.add(new Violation("1.1", "the cited instruction is not registered for this agreement"));
            }
            return false;
        }
        InstructionRegistered instruction = registered.get();
        LocalDate day = ValidTime.dayOf(access.occurredAt());
        if (!ValidTime.holds(instruction.issuedOn(), access.occurredAt())) {
            violations.add(new Violation("1.1", "the cited instruction was issued after the access"));
        } else if (instruction.validUntil() != null && day.isAfter(instruction.validUntil())) {
            violations.add(new Violation("1.1", "the cited instruction had expired"));
        }
        if (!instruction.purposes().contains(access.purpose())) {
            violations.add(new Violation("1.1", "the cited instruction does not cover purpose " + access.purpose()));
        }
        List<DataCategory> uncovered = outside(access.categories(), instruction.categories());
        if (!uncovered.isEmpty()) {
            violations.add(new Violation("1.1", "the cited instruction does not cover " + names(uncovered)));
        }
        return true;
    }

    /** Annex 1: only the categories the agreement covers at that moment. */
    private static void categories(AccessFacts access, TermsAt at, List<Violation> violations) {
        List<DataCategory> outside = outside(access.categories(), at.categories());
        if (!outside.isEmpty()) {
            violations.add(new Violation("ANNEX_1", names(outside) + " outside the categories the agreement covers"));
        }
    }

    /** Art. 2.3 for the processor's own staff; Art. 3.1 for a sub-processor's. */
    private static void actor(AccessFacts access, TermsAt at, EmployeeRegister employees, List<Violation> violations) {
        if (access.actor().kind() == ActorKind.EMPLOYEE
                && !employees.registeredAt(access.actor().id(), access.occurredAt())) {
            violations.add(new Violation("2.3", "the employee was not registered as bound to confidentiality at that moment"));
        }
        if (access.actor().kind() == ActorKind.SUB_PROCESSOR && !at.consentsTo(access.actor().subProcessorId())) {
            violations.add(new Violation("3.1", "no prior written consent of the controller for sub-processor "
                    + access.actor().subProcessorId() + " at that moment"));
        }
    }

    /** Art. 3.2: outside the EEA only with an adequacy decision or the controller's consent for that country. */
    private static void transfer(AccessFacts access, TermsAt at, List<Violation> violations) {
        if (ReferenceData.inEea(access.country(), access.occurredAt())
                || at.transferConsents().contains(access.country())) {
            return;
        }
        Optional<ReferenceData.Scope> adequacy = ReferenceData.adequacy(access.country(), access.occurredAt());
        if (adequacy.isEmpty()) {
            violations.add(new Violation("3.2", "processing in " + access.country()
                    + ", outside the EEA, without an adequacy decision or the controller's consent for that country"));
        } else if (adequacy.get() == ReferenceData.Scope.CERTIFIED_ORGANISATIONS_ONLY) {
            violations.add(new Violation("3.2", "the adequacy decision for " + access.country()
                    + " covers certified organisations only, and the controller gave no consent for that country"));
        }
    }

    /** The categories not among {@code covered}, in their order; a loop, since every access asks twice. */
    private static List<DataCategory> outside(List<DataCategory> categories, Collection<DataCategory> covered) {
        List<DataCategory> outside = List.of();
        for (DataCategory category : categories) {
            if (!covered.contains(category)) {
                if (outside.isEmpty()) {
                    outside = new ArrayList<>();
                }
                outside.add(category);
            }
        }
        return outside;
    }

    private static String names(List<DataCategory> categories) {
        return String.join(", ", categories.stream().map(DataCategory::name).toList());
    }
}
