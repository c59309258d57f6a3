package io.restake4j.eigenlayer.rewards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.restake4j.errors.InvalidInputException;

/** Proof JSON in the shapes EigenLayer's tools write, read exactly and refused clearly. */
class RewardsProofJsonTest {

    private static final String EARNER = "0x0d6ba28b9919cfcdb6b233469cc5ce30b979e08e";
    private static final String TOKEN_A = "0x1006dd1b8c3d0ef53489bed27577c75299f71473";
    private static final String TOKEN_B = "0x43afffbe0afacdabe9ce7dbc4f07407a2b788a84";
    /** Above 2^64, and not representable as a double. */
    private static final BigInteger BIG = new BigInteger("56800000000000000001");

    private RewardsProof proof;

    @BeforeEach
    void setUp() {
        RewardsTree tree = RewardsTree.build(RewardsEarnings.builder()
                .add(EARNER, TOKEN_A, BIG)
                .add(EARNER, TOKEN_B, new BigInteger("1003827094673442500"))
                .add("0x00000000000000000000000000000000000000a1", TOKEN_A, BigInteger.ONE)
                .build());
        proof = new RewardsProof(tree.root(), tree.claim(4, EARNER));
        assertTrue(proof.verify().isValid());
    }

    /** The upstream (PascalCase) document, with amounts as bare numbers. */
    private String pascal() {
        return RewardsProofJson.toJson(proof);
    }

    @Test
    void theUpstreamShapeRoundTripsWithBareBigNumbers() {
        String json = pascal();
        assertTrue(json.contains("\"CumulativeEarnings\" : 56800000000000000001"), json);
        assertTrue(json.contains("\"LeafIndices\""), json);
        RewardsProof back = RewardsProofJson.parse(json);
        assertEquals(proof, back);
        assertEquals(BIG, back.claim().tokenLeaves().get(0).cumulativeEarnings());
        assertEquals(4, back.claim().rootIndex());
        assertTrue(back.verify().isValid());
    }

    @Test
    void camelCaseAndSnakeCaseNamesAreAccepted() {
        String camel = pascal()
                .replace("\"Root\"", "\"root\"").replace("\"RootIndex\"", "\"rootIndex\"")
                .replace("\"EarnerIndex\"", "\"earnerIndex\"").replace("\"EarnerTreeProof\"", "\"earnerTreeProof\"")
                .replace("\"EarnerLeaf\"", "\"earnerLeaf\"").replace("\"Earner\"", "\"earner\"")
                .replace("\"EarnerTokenRoot\"", "\"earnerTokenRoot\"").replace("\"LeafIndices\"", "\"tokenIndices\"")
                .replace("\"TokenTreeProofs\"", "\"tokenTreeProofs\"").replace("\"TokenLeaves\"", "\"tokenLeaves\"")
                .replace("\"Token\"", "\"token\"").replace("\"CumulativeEarnings\"", "\"cumulativeEarnings\"");
        assertEquals(proof, RewardsProofJson.parse(camel));
        String snake = camel.replace("\"earnerTreeProof\"", "\"earner_tree_proof\"").replace("\"rootIndex\"", "\"root_index\"");
        assertEquals(proof, RewardsProofJson.parse(snake));
        assertEquals(proof, RewardsProofJson.parse("{\"proof\": " + camel + "}"));
    }

    @Test
    void amountsMayBeStringsOrExactDecimals() {
        String asString = pascal().replace(": 56800000000000000001", ": \"56800000000000000001\"");
        assertEquals(proof, RewardsProofJson.parse(asString));
        String asHex = pascal().replace(": 56800000000000000001", ": \"0x" + BIG.toString(16) + "\"");
        assertEquals(proof, RewardsProofJson.parse(asHex));
        String exponent = pascal().replace(": 1003827094673442500", ": 1.0038270946734425E18");
        assertEquals(proof, RewardsProofJson.parse(exponent));
        String fraction = pascal().replace(": 1003827094673442500", ": 1003827094673442500.5");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RewardsProofJson.parse(fraction));
        assertTrue(e.getMessage().contains("TokenLeaves[1].CumulativeEarnings"), e.getMessage());
        String negative = pascal().replace(": 1003827094673442500", ": -1");
        assertThrows(InvalidInputException.class, () -> RewardsProofJson.parse(negative));
        String tooBig = pascal().replace(": 1003827094673442500", ": " + BigInteger.TWO.pow(256));
        assertThrows(InvalidInputException.class, () -> RewardsProofJson.parse(tooBig));
    }

    @Test
    void aMissingFieldIsNamed() {
        for (String field : List.of("Root", "RootIndex", "EarnerIndex", "EarnerTreeProof", "EarnerLeaf", "TokenTreeProofs",
                "TokenLeaves")) {
            String json = pascal().replace("\"" + field + "\"", "\"x" + field + "\"");
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> RewardsProofJson.parse(json), field);
            assertTrue(e.getMessage().contains("missing field " + field), e.getMessage());
        }
        InvalidInputException indices = assertThrows(InvalidInputException.class,
                () -> RewardsProofJson.parse(pascal().replace("\"LeafIndices\"", "\"Indices\"")));
        assertTrue(indices.getMessage().contains("LeafIndices (or TokenIndices)"), indices.getMessage());
        InvalidInputException nested = assertThrows(InvalidInputException.class,
                () -> RewardsProofJson.parse(pascal().replace("\"EarnerTokenRoot\"", "\"TokenRoot\"")));
        assertTrue(nested.getMessage().contains("missing field EarnerLeaf.EarnerTokenRoot"), nested.getMessage());
        InvalidInputException leaf = assertThrows(InvalidInputException.class,
                () -> RewardsProofJson.parse(pascal().replaceFirst("\"Token\"", "\"Tok\"")));
        assertTrue(leaf.getMessage().contains("missing field TokenLeaves[0].Token"), leaf.getMessage());
    }

    @Test
    void malformedDocumentsAreRefused() {
        assertThrows(InvalidInputException.class, () -> RewardsProofJson.parse("{"));
        assertThrows(InvalidInputException.class, () -> RewardsProofJson.parse("[]"));
        assertThrows(InvalidInputException.class, () -> RewardsProofJson.parse(pascal().replace("\"TokenLeavesNum\" : 2", "\"TokenLeavesNum\" : 3")));
        assertThrows(InvalidInputException.class, () -> RewardsProofJson.parse(pascal().replace("\"RootIndex\" : 4", "\"RootIndex\" : 4294967296")));
        assertThrows(InvalidInputException.class, () -> RewardsProofJson.parse(pascal().replace("\"RootIndex\" : 4", "\"RootIndex\" : 4, \"rootIndex\" : 4")));
        assertThrows(InvalidInputException.class, () -> RewardsProofJson.parse(pascal().replace("\"Root\" : \"0x", "\"Root\" : \"0x00")));
        assertThrows(InvalidInputException.class, () -> RewardsProofJson.parse(pascal().replace("\"EarnerTreeProof\" : \"0x", "\"EarnerTreeProof\" : \"0x0")));
        assertThrows(InvalidInputException.class, () -> RewardsProofJson.parse(pascal().replace("\"RootIndex\" : 4", "\"RootIndex\" : null")));
        // a proof length that is not a multiple of 32 parses; verification reports it
        RewardsProof odd = RewardsProofJson.parse(pascal().replace("\"EarnerTreeProof\" : \"0x", "\"EarnerTreeProof\" : \"0x00"));
        assertEquals(ProofStatus.INVALID_PROOF_LENGTH, odd.verify().status());
    }

    @Test
    void filesAndStreamsAreRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("proof.json");
        Files.writeString(file, pascal());
        assertEquals(proof, RewardsProofJson.read(file));
        assertEquals(proof, RewardsProofJson.read(new ByteArrayInputStream(pascal().getBytes(StandardCharsets.UTF_8))));
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> RewardsProofJson.read(dir.resolve("nope.json")));
        assertTrue(missing.getMessage().contains("nope.json"));
        Files.writeString(file, "{}");
        InvalidInputException empty = assertThrows(InvalidInputException.class, () -> RewardsProofJson.read(file));
        assertTrue(empty.getMessage().contains("proof.json") && empty.getMessage().contains("missing field Root"), empty.getMessage());
    }
}
