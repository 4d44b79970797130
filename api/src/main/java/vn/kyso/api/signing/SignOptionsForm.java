package vn.kyso.api.signing;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import vn.kyso.api.error.ApiException;
import vn.kyso.core.KeyFamily;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.CopySource;
import vn.kyso.signing.DigestAlgorithm;
import vn.kyso.signing.JwsSerialization;
import vn.kyso.signing.Packaging;
import vn.kyso.signing.Placement;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureLevel;

/**
 * The signing options as multipart form fields, shared by single, batch and remote signing. Enums
 * arrive as text so that an unknown value gets an error naming the allowed ones, not a conversion
 * failure.
 */
record SignOptionsForm(
        @Parameter(description = "Baseline level; B_B style and any case are accepted too",
                schema = @Schema(allowableValues = {"B-B", "B-T", "B-LT", "B-LTA"}, defaultValue = "B-B"))
        String level,
        @Parameter(description = "AdES format; chosen from the content when absent (PDF → PADES, XML → XADES, "
                + "JSON → JADES, else CADES)",
                schema = @Schema(allowableValues = {"PADES", "XADES", "CADES", "JADES"}))
        String format,
        @Parameter(description = "Packaging; the format's default when absent",
                schema = @Schema(allowableValues = {"ENVELOPED", "ENVELOPING", "DETACHED"}))
        String packaging,
        @Parameter(description = "Visible layout of Decree 30/2020/ND-CP, Appendix I (PDF only)",
                schema = @Schema(allowableValues = {"none", "person", "organisation", "attachment", "copy"},
                        defaultValue = "none"))
        String appearance,
        @Parameter(description = "Page of the visible signature, from 1; 0 is the last page. Needs x, y, width "
                + "and height", schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
        Integer page,
        @Parameter(description = "Left edge in PDF points from the top-left corner; x, y, width and height go "
                + "together")
        Float x,
        @Parameter(description = "Top edge in PDF points from the top-left corner") Float y,
        @Parameter(description = "Width in PDF points") Float width,
        @Parameter(description = "Height in PDF points") Float height,
        @Parameter(description = "Number and symbol of the document (số, ký hiệu), for the attachment layout",
                schema = @Schema(maxLength = 100))
        String numberSymbol,
        @Parameter(description = "Form of copy for the copy layout (Decree 30/2020/ND-CP): exactly SAO Y, SAO LỤC "
                + "or TRÍCH SAO", schema = @Schema(allowableValues = {"SAO Y", "SAO LỤC", "TRÍCH SAO"}))
        String copyForm,
        @Parameter(description = "Digest algorithm", schema = @Schema(allowableValues = {"SHA256", "SHA384", "SHA512"},
                defaultValue = "SHA256"))
        String digest,
        @Parameter(description = "The key family the caller's profile requires; either when absent",
                schema = @Schema(allowableValues = {"SPECIALISED", "PUBLIC"}))
        String family,
        @Parameter(description = "JAdES only: how the JWS is written. COMPACT (header.payload.signature) is "
                + "offered at level B-B only, since the later levels need the JSON forms' unsigned header",
                schema = @Schema(allowableValues = {"COMPACT", "JSON", "JSON_FLATTENED"},
                        defaultValue = "JSON_FLATTENED"))
        String jwsSerialization,
        @Parameter(description = "Copy layout only: what the copy is made from. An ELECTRONIC source can only be "
                + "copied as TRÍCH SAO", schema = @Schema(allowableValues = {"PAPER", "ELECTRONIC"}))
        String copySource) {

    /** An empty form: every option at its default. */
    static SignOptionsForm defaults() {
        return new SignOptionsForm(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    /** @throws ApiException for unknown values; the records themselves check the rest */
    SignOptions toOptions() {
        Appearance visible = Params.parse("appearance", appearance, Appearance.class, Appearance.NONE);
        Placement placement = Placements.fromFields(page, x, y, width, height);
        if (placement != null && visible == Appearance.NONE) {
            throw ApiException.invalid("x, y, width and height place a visible signature: choose an appearance");
        }
        return new SignOptions(
                Params.parse("format", format, SignatureFormat.class, null),
                Params.parse("level", level, SignatureLevel.class, SignatureLevel.B_B),
                Params.parse("packaging", packaging, Packaging.class, null),
                visible,
                placement,
                numberSymbol,
                copyForm,
                Params.parse("digest", digest, DigestAlgorithm.class, DigestAlgorithm.SHA256),
                Params.parse("family", family, KeyFamily.class, null),
                Params.parse("jwsSerialization", jwsSerialization, JwsSerialization.class, null),
                Params.parse("copySource", copySource, CopySource.class, null));
    }
}
