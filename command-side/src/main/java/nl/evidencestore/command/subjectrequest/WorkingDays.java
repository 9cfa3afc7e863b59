package nl.evidencestore.command.subjectrequest;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Working days are Monday to Friday; public holidays are not taken into account. The day of
 * receipt does not count: a request received on Monday with two working days must be forwarded
 * by the end of Wednesday, one received on Friday, Saturday or Sunday by the end of Tuesday.
 */
final class WorkingDays {
    private WorkingDays() {
    }

    /** The last day within {@code days} working days after {@code received}; the day itself for 0. */
    static LocalDate after(LocalDate received, int days) {
        LocalDate day = received;
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        return day;
    }
}
