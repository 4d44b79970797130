package vn.kyso.conversion.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.verapdf.core.EncryptedPdfException;
import org.verapdf.core.ModelParsingException;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.VeraPDFFoundry;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.Rule;
import org.verapdf.pdfa.validation.profiles.RuleId;
import vn.kyso.conversion.PdfAConformance;
import vn.kyso.conversion.PdfAProfile;
import vn.kyso.conversion.RuleFailure;

/** Maps veraPDF's validation to {@link PdfAConformance}; level A and U claims are checked at level B. */
final class VeraPdfChecker {

    static {
        // Registers the "greenfield" (pure Java) parser as veraPDF's default foundry, once per JVM.
        VeraGreenfieldFoundryProvider.initialise();
    }

    /** Checks against the part the document claims, or against {@code fallback} when it claims none. */
    PdfAConformance check(byte[] pdf, PdfAProfile fallback) {
        VeraPDFFoundry foundry = Foundries.defaultInstance();
        try (PDFAParser parser = foundry.createParser(new ByteArrayInputStream(pdf), PDFAFlavour.NO_FLAVOUR,
                flavourOf(fallback))) {
            PdfAProfile profile = profileOf(parser.getFlavour(), fallback);
            try (PDFAValidator validator = foundry.createValidator(flavourOf(profile), false)) {
                ValidationResult result = validator.validate(parser);
                List<RuleFailure> failures = new ArrayList<>();
                for (Map.Entry<RuleId, Integer> failed : result.getFailedChecks().entrySet()) {
                    RuleId id = failed.getKey();
                    Rule rule = validator.getProfile().getRuleByRuleId(id);
                    String description = rule == null ? "" : rule.getDescription();
                    failures.add(new RuleFailure(id.getClause() + "-" + id.getTestNumber(), description,
                            Math.max(1, failed.getValue())));
                }
                failures.sort(Comparator.comparing(RuleFailure::id));
                return new PdfAConformance(profile, result.isCompliant() && failures.isEmpty(),
                        result.isCompliant() ? List.of() : failures.isEmpty()
                                ? List.of(new RuleFailure("veraPDF", "Validation did not complete", 1)) : failures);
            }
        } catch (EncryptedPdfException e) {
            throw Failures.failed("The PDF is encrypted", e);
        } catch (ModelParsingException e) {
            throw Failures.failed("The PDF cannot be parsed", e);
        } catch (vn.kyso.conversion.ConversionException e) {
            throw e;
        } catch (Exception e) {
            throw Failures.failed("The PDF/A check failed on this document", e);
        }
    }

    private static PdfAProfile profileOf(PDFAFlavour claimed, PdfAProfile fallback) {
        if (claimed == null || claimed == PDFAFlavour.NO_FLAVOUR) {
            return fallback;
        }
        return switch (claimed.getPart()) {
            case ISO_19005_1 -> PdfAProfile.PDF_A_1B;
            case ISO_19005_2 -> PdfAProfile.PDF_A_2B;
            case ISO_19005_3 -> PdfAProfile.PDF_A_3B;
            default -> fallback; // PDF/A-4, PDF/UA: not ours to judge, check as the fallback
        };
    }

    private static PDFAFlavour flavourOf(PdfAProfile profile) {
        return switch (profile) {
            case PDF_A_1B -> PDFAFlavour.PDFA_1_B;
            case PDF_A_2B -> PDFAFlavour.PDFA_2_B;
            case PDF_A_3B -> PDFAFlavour.PDFA_3_B;
        };
    }
}
