package vn.kyso.archive.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import vn.kyso.archive.internal.store.FilesystemObjectStore;

/**
 * A second service process for {@link DirectoryOwnerTest}: it opens a private PostgreSQL or a
 * filesystem store the way the service does, says READY on standard output and waits until its
 * standard input closes or it is killed.
 */
public final class DirectoryOwnerChild {

    private DirectoryOwnerChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        String ready;
        if ("postgres".equals(args[0])) {
            LocalPostgres pg = LocalPostgres.start(dir, 0, true);
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("crash"), pg.user(), "");
                    var st = c.createStatement()) {
                st.execute("create table if not exists kept (note text)");
                st.execute("insert into kept values ('written before kill -9')");
            }
            ready = "READY " + pg.port();
        } else {
            new FilesystemObjectStore(dir);
            ready = "READY";
        }
        System.out.println(ready);
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the parent to close our input or to kill us
        }
    }
}
