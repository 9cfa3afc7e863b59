package nl.evidencestore.command.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.time.LocalDate;
import nl.evidencestore.command.subject.EraseSubject;
import nl.evidencestore.shared.model.AgreementId;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.junit.jupiter.api.Test;

/** The shortcut answers exactly what Axon's annotation resolver answers. */
class AccessTargetsTest {
    private final AnnotationCommandTargetResolver annotated = AnnotationCommandTargetResolver.builder().build();
    private final AccessTargets targets = new AccessTargets();

    @Test
    void aBatchOfAccessesTargetsItsAgreement() {
        var command = GenericCommandMessage.asCommandMessage(new RecordAccesses(AgreementId.of("agr-7"), List.of()));
        assertThat(targets.resolveTarget(command)).isEqualTo(annotated.resolveTarget(command));
        assertThat(targets.resolveTarget(command).getIdentifier()).isEqualTo("agr-7");
        assertThat(targets.resolveTarget(command).getIdentifierValue()).isEqualTo(AgreementId.of("agr-7"));
    }

    @Test
    void anyOtherCommandIsResolvedByItsAnnotations() {
        var command = GenericCommandMessage.asCommandMessage(
                new EraseSubject("erasure-1", AgreementId.of("agr-8"), "pt-1", LocalDate.of(2026, 3, 1)));
        assertThat(targets.resolveTarget(command)).isEqualTo(annotated.resolveTarget(command));
        assertThat(targets.resolveTarget(command).getIdentifier()).isEqualTo("agr-8");
    }
}
