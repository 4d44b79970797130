package vn.kyso.archive.internal;

import org.junit.jupiter.api.BeforeAll;
import vn.kyso.archive.internal.store.MinioSettings;
import vn.kyso.archive.testing.CephRgw;

/**
 * {@link IngestFaultsTest} on the reference server, Ceph RGW with Object Lock: the outage is the
 * gateway killed with SIGKILL and started again on the same port; the objects live on in the OSD.
 */
class IngestFaultsOnCephTest extends IngestFaultsTest {

    @BeforeAll
    static void onCeph() throws Exception {
        CephRgw ceph = CephRgw.shared();
        String bucket = "faults-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100_000;
        start(new StoreServer() {
            @Override
            public MinioSettings settings() {
                return MinioSettings.of(ceph.endpoint(), bucket, ceph.region(), ceph.accessKey(), ceph.secretKey(),
                        true);
            }

            @Override
            public void stop() {
                ceph.stopGateway();
            }

            @Override
            public void start() {
                ceph.startGateway();
            }

            @Override
            public void close() {
                // The cluster is shared by the whole run; scripts/test.sh stops it at the end.
                ceph.startGateway();
            }
        });
    }
}
