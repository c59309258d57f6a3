package io.restake4j.devnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restake4j.devnet.testing.AbiSurface;

/**
 * The token fixtures are built on {@code common/FixtureERC20.sol} and so cannot inherit their abi/
 * interface in Solidity (solc would demand an override of every function both declare); this test takes
 * the place of that compile-time check: the fixture's artifact has the whole surface of the interface's
 * ABI in {@code abi/} (see {@link AbiSurface}; a function may be stricter, as an implementation may).
 */
class TokenFixtureAbiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({
        "common/TestToken, common/ERC20Permit", "testing/Vault4626, common/ERC4626",
        "etherfi/WeETH, etherfi/WeETH", "etherfi/EETH, etherfi/EETH", "lido/WstETH, lido/WstETH",
        "rocketpool/RocketTokenRETH, rocketpool/RocketTokenRETH"})
    void theFixtureHasTheWholeSurfaceOfItsInterface(String fixture, String reference) throws IOException {
        Path abiDir = Stream.of("../abi", "abi").map(Path::of).filter(Files::isDirectory).findFirst().orElse(null);
        assertNotNull(abiDir, "the repository's abi/ folder beside sdk-devnet");
        JsonNode expected = JSON.readTree(abiDir.resolve(reference + ".json").toFile());
        assertTrue(expected.size() > 5, reference + " read");
        JsonNode artifact;
        try (InputStream in = getClass().getResourceAsStream("/io/restake4j/devnet/fixtures/" + fixture + ".json")) {
            assertNotNull(in, fixture + " artifact");
            artifact = JSON.readTree(in);
        }
        assertEquals(List.of(), AbiSurface.missing(expected, artifact.get("abi"), true),
                fixture + " vs abi/" + reference + ".json");
    }
}
