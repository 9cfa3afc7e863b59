package nl.evidencestore.command.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import nl.evidencestore.command.agreement.SignAgreement;
import nl.evidencestore.command.submit.IdempotentCommand;
import nl.evidencestore.shared.error.InvalidInput;
import nl.evidencestore.shared.model.AgreementId;
import org.junit.jupiter.api.Test;

/** The path's ids go into the body; an id the body gives as well must be the same text. */
class CommandBindingTest {
    private static final CommandRoute SIGNATURES = CommandRoute.of("agreements/signatures",
            "/api/v1/agreements/{agreementId}/signatures", SignAgreement.class);
    private static final String SIGNATURE = "\"party\":\"CONTROLLER\",\"signatory\":\"J. de Vries\",\"place\":\"Groningen\","
            + "\"signedOn\":\"2026-03-01\"";

    private static IdempotentCommand bind(String body) {
        return CommandBinding.bind(SIGNATURES, body.getBytes(StandardCharsets.UTF_8), Map.of("agreementId", "12345"));
    }

    @Test
    void thePathsIdGoesIntoTheCommand() {
        assertThat(((SignAgreement) bind("{" + SIGNATURE + "}")).agreementId()).isEqualTo(AgreementId.of("12345"));
        assertThat(((SignAgreement) bind("{\"agreementId\":\"12345\"," + SIGNATURE + "}")).agreementId())
                .isEqualTo(AgreementId.of("12345"));
    }

    @Test
    void anIdInTheBodyThatIsNoTextIsRefusedEvenWhenItReadsLikeThePathsId() {
        InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> bind("{\"agreementId\":12345," + SIGNATURE + "}"));
        assertThat(refused.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("agreementId");
            assertThat(error.message()).isEqualTo("must be a string");
        });
    }

    @Test
    void anotherIdInTheBodyIsRefused() {
        InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> bind("{\"agreementId\":\"54321\"," + SIGNATURE + "}"));
        assertThat(refused.errors()).singleElement().satisfies(error ->
                assertThat(error.message()).isEqualTo("differs from the agreementId in the path"));
    }
}
