package nl.evidencestore.shared.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.evidencestore.shared.model.ControllerId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokensFileTest {
    @TempDir
    Path dir;

    @Test
    void firstStartCreatesAnAdminWhoseTokenIsAnnouncedButNotStored() throws IOException {
        Path file = dir.resolve("data/tokens.json");
        List<String> announced = new ArrayList<>();

        TokensFile tokens = TokensFile.openOrInitialise(file, announced::add);

        assertThat(announced).singleElement().satisfies(token -> assertThat(token).hasSizeGreaterThanOrEqualTo(43));
        String stored = Files.readString(file, UTF_8);
        assertThat(stored).doesNotContain(announced.get(0)).contains(TokensFile.sha256Hex(announced.get(0)));
        assertThat(tokens.authenticate(announced.get(0))).hasValueSatisfying(principal -> {
            assertThat(principal.name()).isEqualTo("admin");
            assertThat(principal.roles()).containsExactly(Role.ADMIN);
        });
    }

    @Test
    void theFileIsReadableByItsOwnerOnly() throws IOException {
        Path file = dir.resolve("tokens.json");
        TokensFile.openOrInitialise(file, token -> { });
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        try (var siblings = Files.list(dir)) {
            assertThat(siblings).containsExactly(file); // no temporary file left behind
        }
    }

    @Test
    void aSecondStartReadsTheFileAndAnnouncesNothing() {
        Path file = dir.resolve("tokens.json");
        List<String> announced = new ArrayList<>();
        TokensFile.openOrInitialise(file, announced::add);

        TokensFile reopened = TokensFile.openOrInitialise(file, announced::add);

        assertThat(announced).hasSize(1);
        assertThat(reopened.authenticate(announced.get(0))).isPresent();
    }

    @Test
    void refusesUnknownTokens() {
        TokensFile tokens = TokensFile.of(Map.of("right", auditor()));
        assertThat(tokens.authenticate("right")).contains(auditor());
        assertThat(tokens.authenticate("wrong")).isEmpty();
        assertThat(tokens.authenticate("")).isEmpty();
    }

    @Test
    void readsPrincipalsWithRolesAndControllers() throws IOException {
        Path file = dir.resolve("tokens.json");
        Files.writeString(file, "{\"principals\":[{\"name\":\"audit-firm\",\"tokenSha256\":\""
                + TokensFile.sha256Hex("s3cret") + "\",\"roles\":[\"AUDITOR\"],\"controllers\":[\"C-1\"]}]}");

        assertThat(TokensFile.openOrInitialise(file, token -> { }).authenticate("s3cret")).contains(auditor());
    }

    @Test
    void namesWhatIsWrongWithAnInvalidFile() throws IOException {
        Path file = dir.resolve("tokens.json");
        Files.writeString(file, "{\"principals\":[{\"name\":\"x\",\"tokenSha256\":\"not-a-hash\",\"roles\":[\"ADMIN\"]}]}");

        assertThatThrownBy(() -> TokensFile.openOrInitialise(file, token -> { }))
                .hasMessageContaining("tokens file").hasMessageContaining("principals[0]")
                .hasMessageContaining("tokenSha256 must be 64 lowercase hexadecimal characters")
                .hasMessageNotContaining("not-a-hash");
    }

    @Test
    void refusesAnUnknownRole() throws IOException {
        Path file = dir.resolve("tokens.json");
        Files.writeString(file, "{\"principals\":[{\"name\":\"x\",\"tokenSha256\":\"" + TokensFile.sha256Hex("t")
                + "\",\"roles\":[\"ROOT\"]}]}");

        assertThatThrownBy(() -> TokensFile.openOrInitialise(file, token -> { }))
                .hasMessageContaining("principals[0].roles[0] must be one of PUBLISHER, SECURITY, AUDITOR, ADMIN");
    }

    @Test
    void refusesTwoPrincipalsWithOneToken() throws IOException {
        Path file = dir.resolve("tokens.json");
        String entry = "{\"name\":\"%s\",\"tokenSha256\":\"" + TokensFile.sha256Hex("t") + "\",\"roles\":[\"ADMIN\"]}";
        Files.writeString(file, "{\"principals\":[" + entry.formatted("a") + "," + entry.formatted("b") + "]}");

        assertThatThrownBy(() -> TokensFile.openOrInitialise(file, token -> { }))
                .hasMessageContaining("principals[1] has the same token as principals[0]");
    }

    private static Principal auditor() {
        return new Principal("audit-firm", Set.of(Role.AUDITOR), Set.of(ControllerId.of("C-1")));
    }
}
