package nl.evidencestore.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import nl.evidencestore.command.breach.NotificationLimits;
import nl.evidencestore.command.subjectrequest.SubjectRequestLimits;
import org.junit.jupiter.api.Test;

/** The deadline limits of Art. 6.1 and 7.1 in the configuration. */
class DeadlineSettingsTest {
    @Test
    void theDefaultsAre24And72HoursTwoWorkingDaysOneMonthAndTwoMore() {
        Settings settings = Settings.from(Map.of());

        assertThat(settings.breachLimits()).isEqualTo(NotificationLimits.STANDARD);
        assertThat(settings.breachLimits().controllerNotification()).isEqualTo(Duration.ofHours(24));
        assertThat(settings.subjectRequestLimits()).isEqualTo(new SubjectRequestLimits(2, 1, 2));
    }

    @Test
    void eachLimitCanBeConfigured() {
        Settings settings = Settings.from(Map.of(
                "EVIDENCE_BREACH_CONTROLLER_NOTIFICATION", "PT12H",
                "EVIDENCE_BREACH_AUTHORITY_NOTIFICATION", "PT48H",
                "EVIDENCE_SUBJECT_REQUEST_FORWARDING_WORKING_DAYS", "1",
                "EVIDENCE_SUBJECT_REQUEST_ANSWER_MONTHS", "1",
                "EVIDENCE_SUBJECT_REQUEST_EXTENSION_MONTHS", "1"));

        assertThat(settings.breachLimits()).isEqualTo(new NotificationLimits(Duration.ofHours(12), Duration.ofHours(48)));
        assertThat(settings.subjectRequestLimits()).isEqualTo(new SubjectRequestLimits(1, 1, 1));
        assertThat(settings.withHttpPort(0).breachLimits()).isEqualTo(settings.breachLimits());
    }

    @Test
    void aLimitThatIsNoDurationNamesItsKey() {
        assertThatThrownBy(() -> Settings.from(Map.of("EVIDENCE_BREACH_CONTROLLER_NOTIFICATION", "24h")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EVIDENCE_BREACH_CONTROLLER_NOTIFICATION must be an ISO-8601 duration such as PT24H");
    }
}
