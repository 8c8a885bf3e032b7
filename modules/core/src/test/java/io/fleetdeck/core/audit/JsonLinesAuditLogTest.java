package io.fleetdeck.core.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLinesAuditLogTest {
    @Test
    void appendsOneEscapedObjectPerLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state/audit.jsonl");
        JsonLinesAuditLog log = new JsonLinesAuditLog(file);
        log.record(new AuditEntry(Instant.parse("2026-11-23T10:00:00Z"), "ops", "prod", "cordon", "node/g1",
                AuditEntry.OK, ""));
        log.record(new AuditEntry(Instant.parse("2026-11-23T10:01:00Z"), "ops", "prod", "uncordon", "node/g1",
                AuditEntry.FAILED, "said \"no\"\nthen\tleft"));
        var lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("{\"at\":\"2026-11-23T10:00:00Z\",\"user\":\"ops\",\"context\":\"prod\","
                + "\"action\":\"cordon\",\"target\":\"node/g1\",\"outcome\":\"ok\",\"detail\":\"\"}");
        assertThat(lines.get(1)).contains("\"detail\":\"said \\\"no\\\"\\nthen\\tleft\"");
    }
}
