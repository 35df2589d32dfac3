package io.jsylla.internal.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsylla.Row;
import io.jsylla.internal.codec.CqlGenerators;
import io.jsylla.internal.codec.Gen;
import org.junit.jupiter.api.Test;

/** Whatever a cell holds, a row gives it back unchanged, as its natural type and through the typed path. */
class RowPropertiesTest {

    @Test
    void aCellReadsBackAsWritten() {
        Gen.forAll(5, 500, CqlGenerators.typedValues(2), t -> {
            Row row = TestRows.columns("before", io.jsylla.DataType.INT, "c", t.type(), "after", io.jsylla.DataType.TEXT)
                    .row(-1, t.value(), "end").first();
            assertThat(row.get("c")).isEqualTo(t.value());
            assertThat(row.get(1, ValueConversions.naturalClass(t.type()))).isEqualTo(t.value());
            assertThat(row.isNull("c")).isFalse();
            assertThat(row.getString("after")).isEqualTo("end");
            assertThat(row.getInt("before")).isEqualTo(-1);
        });
    }
}
