package org.smesurvey.stats.comparability;

import java.util.Objects;
import java.util.Optional;

/**
 * The verdict on one dimension, the adjustment it calls for, and why, in plain words.
 *
 * @param dimension the dimension
 * @param verdict comparable, after adjustment, unknown or not comparable
 * @param adjustment the adjustment, present exactly when the verdict is {@link Verdict#AFTER_ADJUSTMENT}
 * @param reason why, such as "0-9 and 250+ do not overlap: a difference is a size effect"
 * @since 0.1
 */
public record Assessment(Dimension dimension, Verdict verdict, Optional<Adjustment> adjustment, String reason) {

    /**
     * Validates the assessment.
     *
     * @param dimension the dimension
     * @param verdict the verdict
     * @param adjustment the adjustment, present exactly when the verdict is {@link Verdict#AFTER_ADJUSTMENT}
     * @param reason why
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the adjustment does not match the verdict, or the reason is blank
     */
    public Assessment {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(adjustment, "adjustment");
        if (adjustment.isPresent() != (verdict == Verdict.AFTER_ADJUSTMENT)) {
            throw new IllegalArgumentException("An adjustment goes with, and only with, the verdict AFTER_ADJUSTMENT");
        }
        if (Objects.requireNonNull(reason, "reason").isBlank()) {
            throw new IllegalArgumentException("Reason is blank");
        }
    }

    static Assessment of(Dimension dimension, Verdict verdict, String reason) {
        return new Assessment(dimension, verdict, Optional.empty(), reason);
    }

    static Assessment adjusted(Dimension dimension, Adjustment adjustment, String reason) {
        return new Assessment(dimension, Verdict.AFTER_ADJUSTMENT, Optional.of(adjustment), reason);
    }
}
