package vn.kyso.archfixture.graph.core;

import org.junit.jupiter.api.Assumptions;

/** Violations of the test rules: skips when a tool is missing and waits a fixed time (never run: no @Test). */
final class SkippingProbe {

    void probe() throws InterruptedException {
        Assumptions.assumeTrue(false, "a tool is not installed");
        Thread.sleep(100);
    }
}
