package nl.evidencestore.infra.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.evidencestore.shared.json.Json;

/**
 * The hostile requests of quality.md's "Bad input", generated from a seed: the README's example of
 * every command ({@code hostile/commands.json}), each made wrong in one way (a wrong type, a
 * missing or unknown member, a value outside its enum or length, a huge number, a name twice,
 * deep nesting, invalid UTF-8, no JSON at all, a body over the limit), hostile ids in paths,
 * Lucene syntax bombs and nonsense in query parameters, and broken credentials. A body is only
 * sent as "wrong" once openapi.json says that it is; each request carries the statuses that a
 * store keeping its contract may answer.
 */
public final class HostileRequests {
    /** One request; {@code allowed} the statuses it may get; {@code authorization} null: the ADMIN token's header. */
    public record Request(String kind, String method, String path, byte[] body, String contentType, String authorization,
                          Set<Integer> allowed) {
        public String describe() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8)
                    .replaceAll("\\p{Cntrl}", "?");
            return kind + ": " + method + " " + (path.length() > 160 ? path.substring(0, 160) + "…" : path)
                    + (body == null ? "" : " [" + body.length + " bytes] " + shown);
        }
    }

    private record Command(String template, String path, JsonNode body, String schema) {
    }

    /** A member of a body, with the schema it must meet. */
    private record Member(ObjectNode owner, String name, String schema) {
    }

    private static final Set<Integer> REFUSED = Set.of(400);
    /**
     * Members whose absence a rule refuses, not the parser: Art. 6.3 wants a notification's cause,
     * proposed solution and informed parties, and a notification without them is a 422 naming the
     * article, as openapi.json describes.
     */
    private static final Map<String, Set<String>> REFUSED_BY_A_RULE_WHEN_MISSING = Map.of(
            "/api/v1/breaches/{breachId}/notifications", Set.of("cause", "proposedSolution", "informedParties"));
    /** Any refusal: a path that names nothing may be 404, a rule 422, Jetty's URI checks 400 or 414. */
    private static final Set<Integer> ANY_REFUSAL = IntStream.range(400, 500).boxed().collect(Collectors.toSet());
    private static final Set<Integer> ANY_ANSWER = IntStream.range(200, 500).boxed().collect(Collectors.toSet());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final byte[] TOO_LARGE = tooLarge();
    private static final List<String> HOSTILE_IDS = List.of("..", "../../etc/passwd", "..%2F..%2Fetc%2Fpasswd",
            "%2e%2e%2f%2e%2e%2f", "a%2Fb", "%00", "a%00b", "%0d%0aSet-Cookie:%20x=1", "%FF%FE", "%C3%28",
            "x".repeat(5_000), "%20", "%E2%80%AE", "agr-%F0%9F%98%80", "CON", "*", "%25", "%3Cscript%3E");
    private static final List<String> QUERY_BOMBS = List.of("(".repeat(2_000) + "a", "a" + ")".repeat(500),
            "a~2", "ab~", "*a", "?bc", "/.*/", "/a{1,9999}/", "a*".repeat(300), "[a TO z]", "{* TO *}",
            "a AND ".repeat(1_500) + "b", "\"" + "a ".repeat(3_000) + "\"~99", "field:value", "_id:1", "\\",
            "\"unterminated", "a^99999999999", "a^-1", "AND", "NOT", "+-a", "%00", "%FF", "\u0000",
            "subject:*", "x".repeat(20_000));
    private static final List<String> NONSENSE_PARAMETERS = List.of("limit=-1", "limit=99999999999999999999",
            "limit=abc", "from=not-a-date", "to=2026-13-45T99:00:00Z", "cursor=%FF%FE", "cursor=" + "A".repeat(3_000),
            "minPosition=-5", "minPosition=1e400", "asOf=yesterday", "verdict=MAYBE", "category=%00", "sort=evil",
            "agreementId=../x", "overdue=perhaps", "status=ANY");
    private static final List<String> READ_ROUTES = List.of("/api/v1/timeline", "/api/v1/agreements",
            "/api/v1/agreements/agr-hostile", "/api/v1/breaches", "/api/v1/subject-requests", "/api/v1/obligations",
            "/api/v1/employees", "/api/v1/checkpoints/consistency", "/api/v1/agreements/agr-hostile/events");

    private final Random random;
    private final List<Command> commands = new ArrayList<>();

    public HostileRequests(long seed) {
        this.random = new Random(seed);
        JsonNode examples = exampleFile();
        examples.fieldNames().forEachRemaining(template -> commands.add(new Command(template,
                examples.get(template).get("path").asText(), examples.get(template).get("body"),
                Contract.requestSchema("POST", template))));
    }

    /** Every command's example: (path, body), in the order of openapi.json's paths. */
    public List<Map.Entry<String, String>> examples() {
        return commands.stream().map(command -> Map.entry(command.path, command.body.toString())).toList();
    }

    /** Every command's example as openapi.json's schema sees it: violations, none expected. */
    public Map<String, List<String>> examplesAgainstTheContract() {
        Map<String, List<String>> violations = new TreeMap<>();
        commands.forEach(command -> violations.put(command.template, Contract.violations(command.schema, command.body)));
        return violations;
    }

    /** The mix of kinds, each with its share in percent. */
    private final List<Map.Entry<Integer, Supplier<Request>>> mix = List.of(Map.entry(45, this::wrongBody),
            Map.entry(7, this::unreadableBody), Map.entry(8, this::hostileId), Map.entry(15, this::hostileQuery),
            Map.entry(10, this::nonsenseParameter), Map.entry(7, this::brokenCredentials), Map.entry(1, this::overTheLimit),
            Map.entry(7, this::emptyOrNotJson));

    public Request next() {
        int pick = random.nextInt(100);
        for (Map.Entry<Integer, Supplier<Request>> kind : mix) {
            pick -= kind.getKey();
            if (pick < 0) {
                return kind.getValue().get();
            }
        }
        throw new IllegalStateException("the shares of the mix add up to less than 100");
    }

    private Request overTheLimit() {
        return new Request("a body over 8 MiB", "POST", command().path, TOO_LARGE, "application/json", null, Set.of(413));
    }

    /** A body that openapi.json refuses, wrong in one member: the store must answer 400. */
    private Request wrongBody() {
        Command command = command();
        Wrong wrong = wrong(command);
        boolean ruleRefuses = wrong.missing != null
                && REFUSED_BY_A_RULE_WHEN_MISSING.getOrDefault(command.template, Set.of()).contains(wrong.missing);
        return new Request(wrong.kind, "POST", command.path, Json.write(wrong.body), "application/json", null,
                ruleRefuses ? Set.of(422) : REFUSED);
    }

    /** A command's body made wrong in one member; {@code missing} names the member taken out, if that was it. */
    private record Wrong(String kind, JsonNode body, String missing) {
    }

    private Wrong wrong(Command command) {
        for (int attempt = 0; attempt < 50; attempt++) {
            JsonNode body = command.body.deepCopy();
            List<Member> members = members(body, command.schema);
            Member member = members.get(random.nextInt(members.size()));
            String kind = mutate(member);
            if (kind != null && !Contract.violations(command.schema, body).isEmpty()) {
                return new Wrong(kind, body, kind.equals("no " + member.name) ? member.name : null);
            }
        }
        throw new IllegalStateException("no mutation made a body that openapi.json refuses in 50 attempts");
    }

    /** A record value for the commands topic, and the error classes its dead letter may carry. */
    public record HostileRecord(byte[] value, Set<String> errorClasses) {
    }

    /** Kafka's default limit on a record is 1 MB: a longer mutation is made again. */
    private static final int RECORD_LIMIT = 900_000;

    /**
     * A record for the commands topic that the store must put on its DLQ: a command made wrong as
     * over HTTP (its path's ids in its body, as Kafka carries them), or bytes that are no record.
     * Either is invalid input, but for a member whose absence a rule refuses.
     */
    public HostileRecord nextRecord() {
        while (true) {
            HostileRecord record = record();
            if (record.value.length < RECORD_LIMIT) {
                return record;
            }
        }
    }

    private HostileRecord record() {
        Command command = command();
        if (random.nextInt(4) == 0) {
            return new HostileRecord(unreadableBody().body(), Set.of("InvalidInput"));
        }
        Wrong wrong = wrong(command);
        boolean ruleRefuses = wrong.missing != null
                && REFUSED_BY_A_RULE_WHEN_MISSING.getOrDefault(command.template, Set.of()).contains(wrong.missing);
        String[] template = command.template.split("/");
        String[] segments = command.path.split("/");
        StringBuilder type = new StringBuilder();
        for (int i = 3; i < template.length; i++) {
            if (template[i].startsWith("{")) {
                if (wrong.body.isObject()) {
                    ((ObjectNode) wrong.body).put(template[i].substring(1, template[i].length() - 1), segments[i]);
                }
            } else {
                type.append(type.length() == 0 ? "" : "/").append(template[i]);
            }
        }
        ObjectNode record = NODES.objectNode().put("type", type.toString());
        record.set("body", wrong.body);
        return new HostileRecord(Json.write(record), Set.of(ruleRefuses ? "RuleViolation" : "InvalidInput"));
    }

    private String mutate(Member member) {
        JsonNode schema = Contract.schema(member.schema);
        JsonNode value = member.owner.get(member.name);
        switch (random.nextInt(7)) {
            case 0 -> {
                member.owner.set(member.name, otherType(value));
                return "a wrong type for " + member.name;
            }
            case 1 -> {
                member.owner.remove(member.name);
                return "no " + member.name;
            }
            case 2 -> {
                member.owner.put("unexpected" + random.nextInt(1_000), "member");
                return "an unknown member beside " + member.name;
            }
            case 3 -> {
                if (!schema.has("enum")) {
                    return null;
                }
                member.owner.put(member.name, random.nextBoolean() ? "NOT_A_MEMBER" : schema.get("enum").get(0).asText()
                        .toLowerCase(Locale.ROOT) + "x");
                return "a value outside the enum of " + member.name;
            }
            case 4 -> {
                int limit = schema.path("maxLength").asInt(schema.path("maxItems").asInt(0));
                if (limit == 0 || limit > 200_000) {
                    return null;
                }
                member.owner.set(member.name, schema.has("maxLength") ? NODES.textNode("x".repeat(limit + 1))
                        : repeated(value, limit + 1));
                return "too long a " + member.name;
            }
            case 5 -> {
                member.owner.set(member.name, random.nextBoolean() ? NODES.numberNode(new BigDecimal("1e400"))
                        : NODES.numberNode(new BigInteger("9".repeat(150))));
                return "a huge number for " + member.name;
            }
            default -> {
                // Below Jackson's own limit for writing (1,000); the unreadable bodies nest deeper.
                member.owner.set(member.name, nested(value, 65 + random.nextInt(900)));
                return "nesting deeper than any contract for " + member.name;
            }
        }
    }

    /** Bytes that are no valid JSON of the contract at all: the store must answer 400. */
    private Request unreadableBody() {
        Command command = command();
        String json = new String(Json.write(command.body), StandardCharsets.UTF_8);
        byte[] body;
        String kind;
        switch (random.nextInt(5)) {
            case 0 -> {
                int cut = 1 + random.nextInt(json.length() - 1);
                body = json.substring(0, cut).getBytes(StandardCharsets.UTF_8);
                kind = "JSON cut short";
            }
            case 1 -> {
                body = invalidUtf8(json.getBytes(StandardCharsets.UTF_8));
                kind = "invalid UTF-8";
            }
            case 2 -> {
                body = duplicateName(json).getBytes(StandardCharsets.UTF_8);
                kind = "a name twice";
            }
            case 3 -> {
                int depth = 65 + random.nextInt(100_000);
                body = ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.US_ASCII);
                kind = "a body nested " + depth + " deep";
            }
            default -> {
                body = new byte[1 + random.nextInt(4_000)];
                random.nextBytes(body);
                kind = "random bytes";
            }
        }
        return new Request(kind, "POST", command.path, body, "application/json", null, REFUSED);
    }

    /** A command's path with one id replaced by a hostile one: refused, whatever the reason. */
    private Request hostileId() {
        Command command = command();
        String[] segments = command.path.split("/");
        List<Integer> ids = IntStream.range(0, segments.length)
                .filter(i -> command.template.split("/")[i].startsWith("{")).boxed().toList();
        String id = HOSTILE_IDS.get(random.nextInt(HOSTILE_IDS.size()));
        String path;
        if (ids.isEmpty()) {
            path = command.path + "/" + id;
        } else {
            segments[ids.get(random.nextInt(ids.size()))] = id;
            path = String.join("/", segments);
        }
        return new Request("a hostile id", "POST", path, Json.write(command.body), "application/json", null, ANY_REFUSAL);
    }

    /** A timeline search with a Lucene syntax bomb: refused when it is one the contract refuses, never a 5xx. */
    private Request hostileQuery() {
        String bomb = QUERY_BOMBS.get(random.nextInt(QUERY_BOMBS.size()));
        String q = bomb.startsWith("%") ? bomb : URLEncoder.encode(bomb, StandardCharsets.UTF_8);
        boolean refusedByContract = bomb.startsWith("/") || bomb.contains("~") || bomb.startsWith("*")
                || bomb.startsWith("?");
        return new Request("a Lucene syntax bomb", "GET", "/api/v1/timeline?q=" + q, null, null, null,
                refusedByContract ? REFUSED : ANY_ANSWER);
    }

    private Request nonsenseParameter() {
        String route = READ_ROUTES.get(random.nextInt(READ_ROUTES.size()));
        String parameter = NONSENSE_PARAMETERS.get(random.nextInt(NONSENSE_PARAMETERS.size()));
        return new Request("a nonsense parameter", "GET", route + "?" + parameter, null, null, null, ANY_ANSWER);
    }

    private Request brokenCredentials() {
        List<String> headers = List.of("Bearer", "Bearer ", "Bearer " + "x".repeat(6_000), "Basic YWRtaW46YWRtaW4=",
                "bearer admin", "Bearer admin-token-for-tests-only-00000000000", "Bearer %00", "Token abc", "Bearer \t");
        String header = headers.get(random.nextInt(headers.size()));
        boolean post = random.nextBoolean();
        Command command = command();
        return new Request("broken credentials", post ? "POST" : "GET", post ? command.path : "/api/v1/agreements",
                post ? Json.write(command.body) : null, post ? "application/json" : null, header, Set.of(400, 401, 431));
    }

    private Request emptyOrNotJson() {
        Command command = command();
        return random.nextBoolean()
                ? new Request("an empty body", "POST", command.path, new byte[0], "application/json", null, REFUSED)
                : new Request("a form instead of JSON", "POST", command.path,
                "a=1&b=2".getBytes(StandardCharsets.US_ASCII), "application/x-www-form-urlencoded", null, Set.of(400, 415));
    }

    private Command command() {
        return commands.get(random.nextInt(commands.size()));
    }

    /** Every object member of the body (of its first item, for a batch), each with its schema's pointer. */
    private static List<Member> members(JsonNode body, String schema) {
        List<Member> members = new ArrayList<>();
        collect(body, schema, members);
        return members;
    }

    private static void collect(JsonNode node, String pointer, List<Member> members) {
        String schema = Contract.resolved(pointer);
        if (node.isArray()) {
            if (!node.isEmpty()) {
                collect(node.get(0), branch(schema, "array") + "/items", members);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        String object = Contract.resolved(branch(schema, "object"));
        for (String name : OpenApiDocument.names(node)) {
            String property = object + OpenApiDocument.pointer("properties", name);
            members.add(new Member((ObjectNode) node, name, property));
            collect(node.get(name), property, members);
        }
    }

    /** Of a {@code oneOf}, the branch of that type (a body is one access or a batch of them). */
    private static String branch(String schema, String type) {
        JsonNode oneOf = Contract.schema(schema).path("oneOf");
        for (int i = 0; i < oneOf.size(); i++) {
            String candidate = Contract.resolved(schema + "/oneOf/" + i);
            if (Contract.schema(candidate).path("type").asText("object").equals(type)) {
                return candidate;
            }
        }
        return schema;
    }

    private JsonNode otherType(JsonNode value) {
        List<JsonNode> others = new ArrayList<>(List.of(NODES.numberNode(5), NODES.numberNode(1.5), NODES.booleanNode(true),
                NODES.textNode("text"), NODES.arrayNode().add("x"), NODES.objectNode().put("a", 1)));
        others.removeIf(other -> other.getNodeType() == value.getNodeType()
                || (other.isNumber() && value.isNumber()));
        return others.get(random.nextInt(others.size()));
    }

    private static JsonNode repeated(JsonNode array, int count) {
        ArrayNode longer = NODES.arrayNode();
        JsonNode item = array.isArray() && !array.isEmpty() ? array.get(0) : NODES.textNode("x");
        for (int i = 0; i < count; i++) {
            longer.add(item.deepCopy());
        }
        return longer;
    }

    private static JsonNode nested(JsonNode value, int depth) {
        JsonNode nested = value;
        for (int i = 0; i < depth; i++) {
            nested = NODES.arrayNode().add(nested);
        }
        return nested;
    }

    private byte[] invalidUtf8(byte[] json) {
        byte[][] bad = {{(byte) 0xFF}, {(byte) 0xC3, 0x28}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}};
        byte[] insert = bad[random.nextInt(bad.length)];
        // Inside a string value: just after an opening quote of a value.
        int at = Math.max(0, new String(json, StandardCharsets.UTF_8).indexOf("\":\"") + 3);
        byte[] out = Arrays.copyOf(json, json.length + insert.length);
        System.arraycopy(json, at, out, at + insert.length, json.length - at);
        System.arraycopy(insert, 0, out, at, insert.length);
        return out;
    }

    /** The first member of the body's first object written twice, the second time with another value. */
    private static String duplicateName(String json) {
        int open = json.indexOf('{');
        int colon = json.indexOf("\":", open);
        String name = json.substring(open + 1, colon + 1);
        return json.substring(0, open + 1) + name + ":\"other\"," + json.substring(open + 1);
    }

    private static byte[] tooLarge() {
        byte[] body = new byte[10 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        body[0] = '[';
        body[body.length - 1] = ']';
        return body;
    }

    private static JsonNode exampleFile() {
        try (InputStream in = HostileRequests.class.getResourceAsStream("/hostile/commands.json")) {
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
