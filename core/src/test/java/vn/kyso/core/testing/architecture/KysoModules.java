package vn.kyso.core.testing.architecture;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * The whole module graph, stated once (STYLE.md §1, ADR 0010).
 *
 * <p>Each entry names a module and the modules its main code may use: the compile-scope {@code kyso-*}
 * dependencies of its pom, nothing transitive, test-only dependencies not counted. Every module's
 * {@code *ModuleBoundariesTest} and api's {@code ModuleGraphTest} read this list.
 *
 * <p><b>To add a module</b> (for example {@code letters}): add {@code KysoModule.of("letters", "core", …)}
 * below, in dependency order; give it a test {@code class LettersModuleBoundariesTest extends
 * ModuleBoundaries} whose constructor calls {@code super("letters")} (with the core test-jar and
 * archunit-junit5 as test dependencies); add it to api's pom if api uses it. api's
 * {@code ModuleGraphTest} fails while a {@code vn.kyso.*} package on its class path is not declared here,
 * or a declared module is not on its class path, so a module cannot slip past the graph. A module whose
 * package is not its name without dashes uses {@code .inPackage("…")}; module packages must not nest.
 */
public final class KysoModules {

    /** The base package of every module. */
    public static final String BASE = "vn.kyso";

    /** Engine libraries whose types stay in the using module's {@code internal} packages (STYLE.md §5). */
    public static final List<String> ENGINE_PACKAGES = List.of("eu.europa.esig..", "org.apache.pdfbox..",
            "org.apache.fontbox..", "org.bouncycastle..", "io.minio..", "org.apache.tika..");

    public static final List<KysoModule> ALL = List.of(
            KysoModule.of("core")
                    .engineTypesAllowedIn("net", "OutboundPolicy reads the AIA and CRL distribution point "
                            + "extensions with BouncyCastle's ASN.1 classes")
                    .facadeMayHold("JsonSchemaThreads", "a process-wide fix for DSS's shared JSON-schema validators")
                    .facadeMayHold("ServiceLookupCache", "a class loader, shared by signing and validation")
                    .facadeMayHold("VietnamTime", "constants: the one declaration of Vietnam's time zone"),
            KysoModule.of("demo-pki", "core")
                    .engineAdapter("the demo PKI issues certificates, CRLs, OCSP and time-stamp responses with "
                            + "BouncyCastle; only the demo adapters and tests use it (ADR 0012, demo PKI module)"),
            KysoModule.of("dss-support", "core").inPackage("dss")
                    .engineAdapter("DSS plumbing shared by the signing and validation internals only "
                            + "(DssSupportIsolationTest)"),
            KysoModule.of("signing", "core", "dss-support", "demo-pki"),
            KysoModule.of("validation", "core", "dss-support", "demo-pki")
                    .facadeMayHold("VerificationStatement", "the Circular 15/2025 lines: a pure function of a "
                            + "SignatureReport, with no engine type, that the report records expose"),
            KysoModule.of("conversion", "core"),
            KysoModule.of("archive", "core", "signing", "validation")
                    .facadeMayHold("FieldRules", "the stable field-error codes and Appendix VI limits the facade's "
                            + "form records check: constants and pure checks")
                    .facadeMayHold("Languages", "the language list of Decree 30 Appendix VI: a lookup table"),
            KysoModule.of("audit", "core"),
            KysoModule.of("exchange", "core", "signing", "validation", "archive"),
            KysoModule.of("access", "core", "audit"),
            KysoModule.of("letters", "core", "signing", "conversion", "archive"),
            KysoModule.of("api", "core", "demo-pki", "signing", "validation", "conversion", "archive", "audit",
                    "exchange", "access", "letters")
                    .facadeMayHold("KysoApplication", "the Spring Boot main class; api has no Java facade")
                    .facadeMayHold("PublicAddress", "the service's public address for the QR links, beside the "
                            + "application class; api has no Java facade"),
            // The command-line client speaks HTTP to the API only: it depends on no module (issue #14).
            KysoModule.of("cli")
                    .facadeMayHold("Kyso", "the runnable jar's main class; it loads the KysoCli facade"));

    private KysoModules() {
    }

    public static KysoModule named(String name) {
        return ALL.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException(name + " is not declared in KysoModules.ALL"));
    }
}
