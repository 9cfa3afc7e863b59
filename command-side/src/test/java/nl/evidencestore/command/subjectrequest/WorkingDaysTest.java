package nl.evidencestore.command.subjectrequest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDaysTest {
    @ParameterizedTest(name = "received {0}, {1} working days: by the end of {2}")
    @CsvSource({
            "2026-03-02, 2, 2026-03-04", // Monday → Wednesday
            "2026-03-05, 2, 2026-03-09", // Thursday → Monday
            "2026-03-06, 2, 2026-03-10", // Friday → Tuesday
            "2026-03-07, 2, 2026-03-10", // Saturday → Tuesday
            "2026-03-08, 2, 2026-03-10", // Sunday → Tuesday
            "2026-03-06, 5, 2026-03-13", // Friday, a working week → Friday
    })
    void theDayOfReceiptDoesNotCountNorDoWeekends(LocalDate received, int days, LocalDate lastDay) {
        assertThat(WorkingDays.after(received, days)).isEqualTo(lastDay);
    }

    @Test
    void noWorkingDaysMeansTheSameDay() {
        assertThat(WorkingDays.after(LocalDate.of(2026, 3, 7), 0)).isEqualTo(LocalDate.of(2026, 3, 7));
    }
}
