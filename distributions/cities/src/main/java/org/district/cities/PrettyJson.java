package org.district.cities;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON files the bundles carry, written the one way that gives the same bytes on every
 * machine: UTF-8, two-space indentation, {@code \n} line ends (not the platform's), keys in the
 * order they were put, numbers as written.
 */
final class PrettyJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private static final Printer PRINTER = new Printer();

    private PrettyJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** The document, ending with a line end. */
    static byte[] bytes(JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            MAPPER.writer(PRINTER).writeValue(out, node);
        } catch (IOException e) {
            throw new UncheckedIOException("JSON could not be written to memory", e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /** Jackson's pretty printer, but with {@code "key": value} and empty lists and objects as {@code []} and {@code {}}. */
    private static final class Printer extends DefaultPrettyPrinter {

        private static final long serialVersionUID = 1L;
        private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");

        Printer() {
            super(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
            _objectIndenter = INDENTER;
            _arrayIndenter = INDENTER;
        }

        private Printer(Printer base) {
            super(base);
        }

        @Override
        public Printer createInstance() {
            return new Printer(this);
        }

        @Override
        public void writeEndArray(JsonGenerator generator, int values) throws IOException {
            _nesting--;
            if (values > 0) {
                _arrayIndenter.writeIndentation(generator, _nesting);
            }
            generator.writeRaw(']');
        }

        @Override
        public void writeEndObject(JsonGenerator generator, int entries) throws IOException {
            _nesting--;
            if (entries > 0) {
                _objectIndenter.writeIndentation(generator, _nesting);
            }
            generator.writeRaw('}');
        }
    }
}
