package nl.evidencestore.query;

import java.util.List;
import nl.evidencestore.shared.model.DataCategory;

/**
 * A data category as every view shows it: domain.md asks for BSN and health data (GDPR Art. 9)
 * to be marked sensitive in every view, so views never show a bare {@link DataCategory}.
 */
public record Category(DataCategory category, boolean sensitive) {
    public static Category of(DataCategory category) {
        return new Category(category, category.sensitive());
    }

    /** Null-safe: an absent list shows as an empty one, as the events' own lists do. */
    public static List<Category> allOf(List<DataCategory> categories) {
        return categories == null ? List.of() : categories.stream().map(Category::of).toList();
    }
}
