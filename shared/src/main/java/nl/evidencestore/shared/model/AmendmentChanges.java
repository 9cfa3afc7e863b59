package nl.evidencestore.shared.model;

import java.util.List;

/** What an amendment changes (Art. 11.3), applied by the as-of state from its effective date. */
public record AmendmentChanges(List<DataCategory> addCategories, List<DataCategory> removeCategories,
                               List<Purpose> addPurposes, List<Purpose> removePurposes,
                               List<SubProcessor> addSubProcessors, List<String> removeSubProcessors) {
    public static final AmendmentChanges NONE = new AmendmentChanges(null, null, null, null, null, null);

    public AmendmentChanges {
        addCategories = orEmpty(addCategories);
        removeCategories = orEmpty(removeCategories);
        addPurposes = orEmpty(addPurposes);
        removePurposes = orEmpty(removePurposes);
        addSubProcessors = orEmpty(addSubProcessors);
        removeSubProcessors = orEmpty(removeSubProcessors);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
