package vn.kyso.archive.internal;

import static vn.kyso.archive.internal.CatalogueDb.call;

import java.util.ArrayList;
import java.util.List;
import vn.kyso.archive.RecordPage;
import vn.kyso.archive.RecordQuery;
import vn.kyso.archive.RecordSummary;

/**
 * Catalogue search: full text over the folded and the exact search vectors (a match with the
 * diacritics as typed ranks higher) and exact or word filters on the fields.
 */
final class RecordSearch {

    private final CatalogueDb db;

    RecordSearch(CatalogueDb db) {
        this.db = db;
    }

    RecordPage search(RecordQuery q) {
        StringBuilder where = new StringBuilder(" where state = 'ACTIVE'");
        List<Object> params = new ArrayList<>();
        String rank = "0";
        List<Object> rankParams = new ArrayList<>();
        if (q.text() != null && !q.text().isBlank()) {
            String folded = VietnameseText.foldQuery(q.text());
            if (!folded.isBlank()) {
                where.append(" and search_vector @@ websearch_to_tsquery('simple', ?)");
                params.add(folded);
                // Records that match with the diacritics as typed rank above those that match only folded.
                rank = "ts_rank(search_vector, websearch_to_tsquery('simple', ?))"
                        + " + 2 * ts_rank(exact_vector, websearch_to_tsquery('simple', ?))";
                rankParams.add(folded);
                rankParams.add(VietnameseText.exact(q.text()));
            }
        }
        if (notBlank(q.fondCode())) {
            where.append(" and fond_code = ?");
            params.add(q.fondCode().strip());
        }
        if (notBlank(q.fileCode())) {
            where.append(" and file_code = ?");
            params.add(q.fileCode().strip());
        }
        if (notBlank(q.documentType())) {
            where.append(" and lower(document_type) = lower(?)");
            params.add(q.documentType().strip());
        }
        if (notBlank(q.issuer())) {
            where.append(" and issuer ilike ?");
            params.add("%" + q.issuer().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (q.from() != null) {
            where.append(" and document_date >= ?");
            params.add(q.from());
        }
        if (q.to() != null) {
            where.append(" and document_date <= ?");
            params.add(q.to());
        }
        if (notBlank(q.verdict())) {
            where.append(" and verdict = ?");
            params.add(q.verdict());
        }
        String w = where.toString();
        String rankSql = rank;
        return call(() -> {
            long total = db.jdbc.sql("select count(*) from record" + w).params(params).query(Long.class).single();
            List<Object> all = new ArrayList<>(rankParams);
            all.addAll(params);
            all.add(q.size());
            all.add((long) q.page() * q.size());
            List<RecordSummary> items = db.jdbc.sql("select " + Catalogue.ROW + ", " + rankSql + " as rank from record"
                    + w + " order by rank desc, document_date desc, number_symbol limit ? offset ?")
                    .params(all).query((rs, n) -> Catalogue.row(rs, n).summary()).list();
            return new RecordPage(items, q.page(), q.size(), total);
        });
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
