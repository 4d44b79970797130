package vn.kyso.signing;

import java.util.List;
import java.util.Objects;

/**
 * The letter with its number and date written in, as an incremental update that leaves earlier
 * signatures valid.
 *
 * @param document the updated PDF; the same bytes as the input when nothing was found to fill
 * @param filled   what was written and how, in the order found; empty when the letter has neither a
 *                 form field nor a placeholder for them (a number already printed, for instance)
 */
public record FilledIn(Document document, List<Filled> filled) {

    public FilledIn {
        Objects.requireNonNull(document, "document");
        filled = List.copyOf(filled);
    }

    /** One value written into the letter. */
    public record Filled(What what, How how, String text) {

        public Filled {
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(how, "how");
            Objects.requireNonNull(text, "text");
        }
    }

    public enum What {
        NUMBER_SYMBOL,
        DOCUMENT_DATE
    }

    public enum How {
        /** The draft had a form field for it; its value and appearance were set. */
        FORM_FIELD,
        /**
         * The draft printed dots for it; the field put over them when the draft was filed
         * ({@code SigningService.prepareFillIn}) now covers them and shows the value.
         */
        PLACEHOLDER
    }
}
