package se.kvalitetshjulet.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain over the audit trail: THE one place where it is computed (the app's writes in
 * {@code AuditTrail}, {@code audit verify}, and a future PostgreSQL trigger must all follow this definition).
 *
 * <pre>
 *   payload_hash = SHA-256( f(before_json) ‖ f(after_json) )
 *   row_hash     = SHA-256( f(prev_hash) ‖ f(at_text) ‖ f(actor) ‖ f(actor_source) ‖ f(entity) ‖ f(entity_id)
 *                           ‖ f(action) ‖ f(reason) ‖ f(payload_hash) )
 *   f(x)         = the UTF-8 length of x in decimal, ':' , x   ("-" for null), so no two inputs collide
 * </pre>
 * Rows are chained in id order; the first row's prev_hash is {@link #GENESIS}. The head (id and row hash of the
 * last row) is kept in app_setting {@value #HEAD_SETTING}, so removing the newest rows is noticed too. The payload
 * hash stands in for the texts once free-text history has been purged (purged_on set).
 */
public final class AuditChain {
    public static final String GENESIS = "0".repeat(64);
    public static final String HEAD_SETTING = "audit.chain.head";

    private AuditChain() {
    }

    public static String payloadHash(String beforeJson, String afterJson) {
        return sha256(field(beforeJson) + field(afterJson));
    }

    public static String rowHash(String prevHash, String atText, String actor, String actorSource, String entity,
                                 long entityId, String action, String reason, String payloadHash) {
        return sha256(field(prevHash) + field(atText) + field(actor) + field(actorSource) + field(entity)
                + field(Long.toString(entityId)) + field(action) + field(reason) + field(payloadHash));
    }

    /** The head setting's value for the last row. */
    public static String head(long lastId, String lastHash) {
        return lastId + ":" + lastHash;
    }

    private static String field(String s) {
        if (s == null) {
            return "-";
        }
        return s.getBytes(StandardCharsets.UTF_8).length + ":" + s;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
