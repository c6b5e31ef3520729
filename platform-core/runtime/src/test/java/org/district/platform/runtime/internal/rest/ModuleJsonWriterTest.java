package org.district.platform.runtime.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.district.platform.api.rest.PreparedJson;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

class ModuleJsonWriterTest {

    record Station(long id, String name, String statusReason, LocalDate openedOn) {
    }

    record Answer(long distanceMetres, PreparedJson station) {
    }

    record WholeAnswer(long distanceMetres, Station station) {
    }

    private final ModuleJsonWriter writer = new ModuleJsonWriter();
    private final ObjectMapper answers = Json.forModule();

    @Test
    void aPreparedValueIsWrittenAsEveryAnswerWritesItAndCopiedIntoAnswersAsItIs() throws Exception {
        Station station = new Station(7, "骑手驿站 \"春熙路\"", null, LocalDate.of(2026, 11, 23));
        PreparedJson prepared = writer.prepare(station);
        assertEquals("{\"id\":7,\"name\":\"骑手驿站 \\\"春熙路\\\"\",\"openedOn\":\"2026-11-23\"}", prepared.json(),
                "the platform's settings: no nulls, ISO dates, escaped text");

        byte[] copied = answers.writeValueAsBytes(List.of(new Answer(120, prepared), new Answer(480, prepared)));
        byte[] whole = answers.writeValueAsBytes(List.of(new WholeAnswer(120, station), new WholeAnswer(480, station)));
        assertEquals(new String(whole, StandardCharsets.UTF_8), new String(copied, StandardCharsets.UTF_8));
        assertEquals(prepared.json(), answers.writeValueAsString(prepared), "the whole answer may be prepared too");
    }

    @Test
    void textThatThePlatformDidNotWriteIsNeverCopiedIntoAnAnswer() {
        PreparedJson forged = () -> "{\"id\":1}]";
        JsonMappingException refused = assertThrows(JsonMappingException.class, () -> answers.writeValueAsString(new Answer(1, forged)));
        assertTrue(refused.getMessage().contains("was not prepared by the platform's JsonWriter"), refused.getMessage());
    }

    @Test
    void aValueThatCannotBeWrittenIsRefusedWhenPrepared() {
        Object selfish = new Object() {
            @SuppressWarnings("unused")
            public Object getMe() {
                return this;
            }
        };
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> writer.prepare(selfish));
        assertTrue(refused.getMessage().startsWith("cannot be written as JSON"), refused.getMessage());
    }
}
