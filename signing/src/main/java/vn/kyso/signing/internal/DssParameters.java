package vn.kyso.signing.internal;

import eu.europa.esig.dss.asic.cades.ASiCWithCAdESSignatureParameters;
import eu.europa.esig.dss.asic.xades.ASiCWithXAdESSignatureParameters;
import eu.europa.esig.dss.cades.CAdESSignatureParameters;
import eu.europa.esig.dss.enumerations.ASiCContainerType;
import eu.europa.esig.dss.enumerations.JWSSerializationType;
import eu.europa.esig.dss.enumerations.SigDMechanism;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.jades.JAdESSignatureParameters;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.signature.AbstractSignatureParameters;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.reference.CanonicalizationTransform;
import eu.europa.esig.dss.xades.reference.DSSReference;
import eu.europa.esig.dss.xades.reference.EnvelopedSignatureTransform;
import org.apache.xml.security.c14n.Canonicalizer;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import vn.kyso.signing.DigestAlgorithm;
import vn.kyso.signing.JwsSerialization;
import vn.kyso.signing.Packaging;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureLevel;

/** Builds DSS parameter objects from our options; the only place that knows DSS's level names. */
final class DssParameters {

    /** Room for the CMS in a PDF: chain, signature and, from B-T on, a time-stamp token with its chain. */
    private static final int PDF_SIGNATURE_SIZE_BASIC = 12_000;
    private static final int PDF_SIGNATURE_SIZE_TIMESTAMPED = 24_000;

    private DssParameters() {
    }

    static eu.europa.esig.dss.enumerations.SignatureLevel level(SignatureFormat format, SignatureLevel level) {
        String prefix = switch (format) {
            case PADES -> "PAdES";
            case XADES -> "XAdES";
            case CADES -> "CAdES";
            case JADES -> "JAdES";
        };
        String suffix = switch (level) {
            case B_B -> "B";
            case B_T -> "T";
            case B_LT -> "LT";
            case B_LTA -> "LTA";
        };
        return eu.europa.esig.dss.enumerations.SignatureLevel.valueOf(prefix + "_BASELINE_" + suffix);
    }

    static eu.europa.esig.dss.enumerations.DigestAlgorithm digest(DigestAlgorithm digest) {
        return switch (digest) {
            case SHA256 -> eu.europa.esig.dss.enumerations.DigestAlgorithm.SHA256;
            case SHA384 -> eu.europa.esig.dss.enumerations.DigestAlgorithm.SHA384;
            case SHA512 -> eu.europa.esig.dss.enumerations.DigestAlgorithm.SHA512;
        };
    }

    static PAdESSignatureParameters pades(SignatureLevel level, DigestAlgorithm digest, List<X509Certificate> chain,
            Instant signingTime) {
        PAdESSignatureParameters p = common(new PAdESSignatureParameters(), SignatureFormat.PADES, level, digest,
                chain, signingTime);
        p.setContentSize(level == SignatureLevel.B_B ? PDF_SIGNATURE_SIZE_BASIC : PDF_SIGNATURE_SIZE_TIMESTAMPED);
        p.getArchiveTimestampParameters().setContentSize(PDF_SIGNATURE_SIZE_BASIC);
        return p;
    }

    static XAdESSignatureParameters xades(SignatureLevel level, DigestAlgorithm digest, List<X509Certificate> chain,
            Instant signingTime, Packaging packaging, DSSDocument document) {
        XAdESSignatureParameters p = common(new XAdESSignatureParameters(), SignatureFormat.XADES, level, digest,
                chain, signingTime);
        p.setSignaturePackaging(packaging(packaging));
        exclusiveCanonicalization(p);
        if (packaging == Packaging.ENVELOPED) {
            // DSS's default reference uses the XPath Filter 2.0 transform, which xml-crypto (npm) and .NET's
            // SignedXml refuse. The enveloped-signature transform of XMLDSig itself is understood by every
            // stack; see docs/xml-jose-signatures.md for what it means for a second signature.
            DSSReference whole = new DSSReference();
            whole.setId("r-" + p.getDeterministicId() + "-1");
            whole.setUri("");
            whole.setContents(document);
            whole.setDigestMethodAlgorithm(digest(digest));
            whole.setTransforms(List.of(new EnvelopedSignatureTransform(),
                    new CanonicalizationTransform(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS)));
            p.setReferences(List.of(whole));
        } else if (packaging == Packaging.ENVELOPING) {
            // The XML goes into ds:Object as XML, not base64: the Base64 transform DSS uses otherwise is
            // another one xml-crypto does not implement. Enveloping needs an XML document (checked by the
            // caller).
            p.setEmbedXML(true);
        }
        return p;
    }

    /** Exclusive canonicalisation everywhere, so that no stack has to guess which namespaces were in scope. */
    private static void exclusiveCanonicalization(XAdESSignatureParameters p) {
        p.setSignedInfoCanonicalizationMethod(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        p.setSignedPropertiesCanonicalizationMethod(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        p.setKeyInfoCanonicalizationMethod(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
    }

    static CAdESSignatureParameters cades(SignatureLevel level, DigestAlgorithm digest, List<X509Certificate> chain,
            Instant signingTime, Packaging packaging) {
        CAdESSignatureParameters p = common(new CAdESSignatureParameters(), SignatureFormat.CADES, level, digest,
                chain, signingTime);
        p.setSignaturePackaging(packaging(packaging));
        return p;
    }

    static JAdESSignatureParameters jades(SignatureLevel level, DigestAlgorithm digest, List<X509Certificate> chain,
            Instant signingTime, Packaging packaging, JwsSerialization serialization) {
        JAdESSignatureParameters p = common(new JAdESSignatureParameters(), SignatureFormat.JADES, level, digest,
                chain, signingTime);
        p.setSignaturePackaging(packaging(packaging));
        // Unsigned properties of B-T and above need a JSON serialisation; the caller refuses COMPACT there.
        p.setJwsSerializationType(switch (serialization) {
            case COMPACT -> JWSSerializationType.COMPACT_SERIALIZATION;
            case JSON -> JWSSerializationType.JSON_SERIALIZATION;
            case JSON_FLATTENED -> JWSSerializationType.FLATTENED_JSON_SERIALIZATION;
        });
        if (packaging == Packaging.DETACHED) {
            // ETSI TS 119 182-1, 5.2.8: the detached documents are named in sigD by URI (their file names)
            // with their digests, so the protected header alone binds each named file's content and a
            // verifier can tell which file is which. HttpHeaders is for signing HTTP messages; ObjectIdByURI
            // carries no digests in the header.
            p.setSigDMechanism(SigDMechanism.OBJECT_ID_BY_URI_HASH);
        }
        return p;
    }

    static ASiCWithXAdESSignatureParameters asicXades(SignatureLevel level, DigestAlgorithm digest,
            List<X509Certificate> chain, Instant signingTime) {
        ASiCWithXAdESSignatureParameters p = common(new ASiCWithXAdESSignatureParameters(), SignatureFormat.XADES,
                level, digest, chain, signingTime);
        exclusiveCanonicalization(p);
        p.aSiC().setContainerType(ASiCContainerType.ASiC_E);
        return p;
    }

    static ASiCWithCAdESSignatureParameters asicCades(SignatureLevel level, DigestAlgorithm digest,
            List<X509Certificate> chain, Instant signingTime) {
        ASiCWithCAdESSignatureParameters p = common(new ASiCWithCAdESSignatureParameters(), SignatureFormat.CADES,
                level, digest, chain, signingTime);
        p.aSiC().setContainerType(ASiCContainerType.ASiC_E);
        return p;
    }

    private static SignaturePackaging packaging(Packaging packaging) {
        return switch (packaging) {
            case ENVELOPED -> SignaturePackaging.ENVELOPED;
            case ENVELOPING -> SignaturePackaging.ENVELOPING;
            case DETACHED -> SignaturePackaging.DETACHED;
        };
    }

    private static <P extends AbstractSignatureParameters<?>> P common(P p, SignatureFormat format,
            SignatureLevel level, DigestAlgorithm digest, List<X509Certificate> chain, Instant signingTime) {
        p.setSignatureLevel(level(format, level));
        p.setDigestAlgorithm(digest(digest));
        p.setSigningCertificate(new CertificateToken(chain.get(0)));
        p.setCertificateChain(chain.stream().map(CertificateToken::new).toList());
        p.bLevel().setSigningDate(Date.from(signingTime));
        return p;
    }
}
