package nl.evidencestore.shared.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.LocalDate;
import java.util.List;
import nl.evidencestore.shared.error.InvalidInput;
import nl.evidencestore.shared.model.ControllerParty;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Party;
import nl.evidencestore.shared.model.SubProcessor;
import nl.evidencestore.shared.model.Token;
import org.junit.jupiter.api.Test;

class BodiesTest {
    record Item(String name, List<DataCategory> categories, Party party, LocalDate on, long count) {
    }

    record Draft(ControllerParty controller, List<SubProcessor> subProcessors) {
    }

    private static final TypeReference<List<Item>> ITEMS = new TypeReference<>() {
    };

    private static final String ITEM = "{\"name\":\"a\",\"categories\":[\"BSN\"],\"party\":\"CONTROLLER\",\"on\":\"2025-01-31\",\"count\":1}";

    @Test
    void readsWellFormedInput() {
        List<Item> items = Bodies.parse(bytes("[" + ITEM + "]"), Bodies.type(ITEMS));
        assertThat(items).singleElement().extracting(Item::party).isEqualTo(Party.CONTROLLER);
    }

    @Test
    void namesTheArrayElementOfAWrongType() {
        InvalidInput error = refused("[" + ITEM + "," + ITEM.replace("\"name\":\"a\"", "\"name\":[1]") + "]", ITEMS);
        assertThat(error.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("[1].name");
            assertThat(e.message()).isEqualTo("must be a string");
        });
    }

    @Test
    void namesTheRefusedTokenInsideAList() {
        InvalidInput error = refused("[" + ITEM.replace("[\"BSN\"]", "[\"BSN\",\"GENDER\",\"bad token\"]") + "]", ITEMS);
        assertThat(error.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("[0].categories[2]");
            assertThat(e.message()).contains("UPPER_SNAKE").doesNotContain("bad token");
        });
    }

    @Test
    void listsTheConstantsOfAnEnum() {
        InvalidInput error = refused("[" + ITEM.replace("CONTROLLER", "SOMEONE") + "]", ITEMS);
        assertThat(error.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("[0].party");
            assertThat(e.message()).isEqualTo("must be one of CONTROLLER, PROCESSOR");
        });
    }

    @Test
    void explainsADate() {
        InvalidInput error = refused("[" + ITEM.replace("2025-01-31", "31-01-2025") + "]", ITEMS);
        assertThat(error.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("[0].on");
            assertThat(e.message()).isEqualTo("must be a date (yyyy-mm-dd)");
        });
    }

    @Test
    void refusesAnUnknownField() {
        InvalidInput error = refused("[" + ITEM.replace("\"count\":1", "\"count\":1,\"secret\":\"x\"") + "]", ITEMS);
        assertThat(error.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("[0].secret");
            assertThat(e.message()).isEqualTo("is not a known field");
        });
    }

    @Test
    void passesOnTheMessageOfARecordThatRefusedItsFields() {
        String body = "{\"controller\":{\"id\":\"C-1\",\"name\":\" \",\"address\":\"x\",\"representative\":\"y\"},\"subProcessors\":[]}";
        InvalidInput error = refused(body, new TypeReference<Draft>() {
        });
        assertThat(error.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("controller.name");
            assertThat(e.message()).isEqualTo("is required");
        });
    }

    record Named(String name, long count) {
        Named {
            Token.text(name, "name", 10);
        }
    }

    @Test
    void namesTheFieldThatARecordRefusedByItsWholePath() {
        InvalidInput missing = refused("[{\"name\":\"a\",\"count\":1},{\"count\":2}]", new TypeReference<List<Named>>() {
        });
        assertThat(missing.errors()).singleElement().isEqualTo(new InvalidInput.FieldError("[1].name", "is required"));

        InvalidInput tooLong = refused("{\"name\":\"abcdefghijk\",\"count\":1}", new TypeReference<Named>() {
        });
        assertThat(tooLong.errors()).singleElement()
                .isEqualTo(new InvalidInput.FieldError("name", "is longer than 10 characters"));
    }

    @Test
    void aValueTypeThatRefusesItselfIsNamedByThePathToIt() {
        InvalidInput error = refused("{\"controller\":{\"id\":\"no spaces\",\"name\":\"n\",\"address\":\"a\","
                + "\"representative\":\"r\"},\"subProcessors\":[]}", new TypeReference<Draft>() {
                });
        assertThat(error.errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("controller.id"));
    }

    @Test
    void pointsIntoMalformedJsonWithoutQuotingIt() {
        InvalidInput error = refused("[" + ITEM + ",{\"name\":\"b\",\"categories\":[\"BSN\" \"secret-value\"]}]", ITEMS);
        assertThat(error.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("[1].categories[1]");
            assertThat(e.message()).startsWith("is not well-formed JSON (line 1").doesNotContain("secret");
        });
    }

    @Test
    void namesAFieldThatAppearsTwiceInOneObject() {
        InvalidInput error = refused("[" + ITEM + ",{\"name\":\"b\",\"name\":\"c\"}]", ITEMS);
        assertThat(error.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("[1].name");
            assertThat(e.message()).startsWith("appears twice in one object (line 1");
        });
    }

    @Test
    void refusesAnEmptyBodyNullAndTrailingContent() {
        assertThat(refused("", ITEMS).errors().get(0).message()).isEqualTo("a JSON body is required");
        assertThat(refused("null", ITEMS).errors().get(0).message()).isEqualTo("must be an array");
        assertThat(refused("[] []", ITEMS).errors().get(0).message()).contains("trailing");
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] body = bytes("[{\"name\":\"ab\"}]");
        body[10] = (byte) 0xC3; // a lead byte followed by an ASCII byte
        InvalidInput error = catchThrowableOfType(InvalidInput.class, () -> Bodies.parse(body, Bodies.type(ITEMS)));
        assertThat(error.errors()).singleElement().satisfies(e -> assertThat(e.message()).startsWith("is not well-formed JSON"));
    }

    @Test
    void refusesDeepNesting() {
        String deep = "[".repeat(200) + "]".repeat(200);
        InvalidInput error = refused(deep, new TypeReference<List<Object>>() {
        });
        assertThat(error.errors().get(0).message()).contains("nesting depth");
    }

    private static InvalidInput refused(String body, TypeReference<?> type) {
        return catchThrowableOfType(InvalidInput.class, () -> Bodies.parse(bytes(body), Bodies.type(type)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
