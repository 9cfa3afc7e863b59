package nl.evidencestore.command.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.ControllerId;
import org.junit.jupiter.api.Test;

class AgreementControllersTest {
    private static final AgreementId AGREEMENT = AgreementId.of("agr-1");
    private static final ControllerId PRACTICE = ControllerId.of("practice-1");

    @Test
    void readsAnAgreementsControllerOnceButAnUnknownAgreementAgain() {
        Map<AgreementId, ControllerId> drafted = new HashMap<>();
        int[] reads = {0};
        AgreementControllers controllers = new AgreementControllers(id -> {
            reads[0]++;
            return Optional.ofNullable(drafted.get(id));
        });

        assertThat(controllers.apply(AGREEMENT)).isEmpty();
        drafted.put(AGREEMENT, PRACTICE);
        assertThat(controllers.apply(AGREEMENT)).contains(PRACTICE);
        assertThat(controllers.apply(AGREEMENT)).contains(PRACTICE);

        assertThat(reads[0]).isEqualTo(2);
    }
}
