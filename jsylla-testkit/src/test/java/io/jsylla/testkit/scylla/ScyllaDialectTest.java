package io.jsylla.testkit.scylla;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class ScyllaDialectTest {

    @Test
    void removesATrailingUsingTimeoutAndKeepsTheParameters() {
        byte[] params = {0, 1, 0};
        byte[] out = ScyllaDialect.withoutUsingTimeout(new Bodies()
                .longString("SELECT * FROM system_schema.keyspaces USING TIMEOUT 2000ms").raw(params).buffer());
        assertThat(out).isEqualTo(new Bodies().longString("SELECT * FROM system_schema.keyspaces").raw(params).build());
        assertThat(ScyllaDialect.withoutUsingTimeout(new Bodies().longString("select * from t using timeout 5s;").buffer()))
                .isEqualTo(new Bodies().longString("select * from t").build());
    }

    @Test
    void leavesOtherStatementsAlone() {
        assertThat(ScyllaDialect.withoutUsingTimeout(new Bodies().longString("SELECT timeout FROM t").raw(new byte[3]).buffer())).isNull();
        assertThat(ScyllaDialect.withoutUsingTimeout(new Bodies().longString("INSERT INTO t (k) VALUES (1) USING TTL 5").buffer())).isNull();
    }
}
