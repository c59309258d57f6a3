package io.restake4j.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.restake4j.testing.SharedFacts;

/**
 * The presets' EigenLayer addresses against the deployment tables of {@code ../shared/protocols/eigenlayer.md}
 * (section 4 and its LST strategy lists), read from the file, so a typo in either shows here.
 */
class NetworkPresetsTest {

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    /** Row label in the facts table -> our address-book key. */
    private static final Map<String, String> ROWS = new LinkedHashMap<>();

    static {
        ROWS.put("DelegationManager", "eigenlayer.DelegationManager");
        ROWS.put("StrategyManager", "eigenlayer.StrategyManager");
        ROWS.put("EigenPodManager", "eigenlayer.EigenPodManager");
        ROWS.put("AVSDirectory", "eigenlayer.AVSDirectory");
        ROWS.put("RewardsCoordinator", "eigenlayer.RewardsCoordinator");
        ROWS.put("AllocationManager", "eigenlayer.AllocationManager");
        ROWS.put("PermissionController", "eigenlayer.PermissionController");
        ROWS.put("StrategyFactory", "eigenlayer.StrategyFactory");
        ROWS.put("EIGEN", "eigenlayer.EIGEN");
        ROWS.put("bEIGEN (Backing Eigen)", "eigenlayer.bEIGEN");
        ROWS.put("EigenStrategy (EIGEN)", "eigenlayer.strategy.EIGEN");
    }

    @Test
    void presetsMatchTheFactsFile() throws IOException {
        Path facts = SharedFacts.requireOrSkip("protocols/eigenlayer.md");
        List<String> lines = Files.readAllLines(facts);
        List<Network> networks = List.of(Network.mainnet(), Network.hoodi(), Network.sepolia());
        int checked = 0;
        List<String> problems = new ArrayList<>();
        for (String line : lines) {
            if (!line.startsWith("| ")) {
                continue;
            }
            String[] cells = line.split("\\|");
            if (cells.length < 5) {
                continue;
            }
            String key = ROWS.get(cells[1].trim());
            if (key == null) {
                continue;
            }
            for (int n = 0; n < networks.size(); n++) {
                Matcher m = ADDRESS.matcher(cells[2 + n]);
                if (!m.find()) {
                    problems.add(cells[1].trim() + " has no address for " + networks.get(n).name());
                    continue;
                }
                checked++;
                same(problems, networks.get(n), key, m.group());
            }
        }
        // the mainnet LST strategy table: "| stETH | `0x...` |"
        for (String line : lines) {
            Matcher row = Pattern.compile("^\\| (\\w+) \\| `(0x[0-9a-fA-F]{40})` \\|$").matcher(line);
            if (row.matches()) {
                checked++;
                same(problems, Network.mainnet(), "eigenlayer.strategy." + row.group(1), row.group(2));
            }
        }
        // the testnet strategy paragraphs: "Hoodi (StrategyFactory-deployed): stETH `0x...`,\nWETH `0x...`."
        String text = String.join("\n", lines);
        for (Network network : List.of(Network.hoodi(), Network.sepolia())) {
            String heading = network.name().equals("hoodi") ? "Hoodi (" : "Sepolia:";
            int start = text.indexOf("\n" + heading);
            String paragraph = start < 0 ? "" : text.substring(start + 1, text.indexOf("\n\n", start + 1));
            Matcher entry = Pattern.compile("(\\w+) `(0x[0-9a-fA-F]{40})`").matcher(paragraph);
            while (entry.find()) {
                checked++;
                same(problems, network, "eigenlayer.strategy." + entry.group(1), entry.group(2));
            }
        }
        System.out.println("[presets] " + checked + " EigenLayer addresses checked against " + facts);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertEquals(3 * ROWS.size() + 12 + 4, checked, "every table row was found");
    }

    /**
     * The liquid staking entries against lido.md (section 4: locator per network; the Holesky column is not a
     * preset), etherfi.md (section 7: mainnet, Hoodi) and rocketpool.md (section 4: RocketStorage, mainnet, Hoodi).
     */
    @Test
    void liquidStakingPresetsMatchTheFactsFiles() throws IOException {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        // file, row label, key, then the column index of each preset (mainnet, hoodi, sepolia; -1 = none)
        Object[][] rows = {
                {"protocols/lido.md", "LidoLocator (proxy)", "lido.LidoLocator", new int[] {2, 3, 5}},
                {"protocols/etherfi.md", "LiquidityPool", "etherfi.LiquidityPool", new int[] {2, 3, -1}},
                {"protocols/etherfi.md", "eETH", "etherfi.eETH", new int[] {2, 3, -1}},
                {"protocols/etherfi.md", "weETH", "etherfi.weETH", new int[] {2, 3, -1}},
                {"protocols/etherfi.md", "WithdrawRequestNFT", "etherfi.WithdrawRequestNFT", new int[] {2, 3, -1}},
                {"protocols/rocketpool.md", "RocketStorage", "rocketpool.RocketStorage", new int[] {2, 3, -1}},
                {"protocols/lido.md", "wstETH", "tokens.wstETH", new int[] {2, -1, -1}},
                {"protocols/etherfi.md", "weETH", "tokens.weETH", new int[] {2, -1, -1}},
                {"protocols/rocketpool.md", "rETH (rocketTokenRETH)", "tokens.rETH", new int[] {2, -1, -1}},
        };
        List<Network> networks = List.of(Network.mainnet(), Network.hoodi(), Network.sepolia());
        for (Object[] row : rows) {
            Path facts = SharedFacts.requireOrSkip((String) row[0]);
            String[] cells = Files.readAllLines(facts).stream().filter(l -> l.startsWith("| " + row[1] + " |"))
                    .filter(l -> ADDRESS.matcher(l).find()).findFirst()
                    .map(l -> l.split("\\|")).orElse(null);
            if (cells == null) {
                problems.add(row[0] + " has no row " + row[1]);
                continue;
            }
            int[] columns = (int[]) row[3];
            for (int n = 0; n < networks.size(); n++) {
                if (columns[n] < 0) {
                    if (networks.get(n).address((String) row[2]).isPresent()) {
                        problems.add(networks.get(n).name() + " has " + row[2] + " but " + row[0] + " lists none");
                    }
                    continue;
                }
                Matcher m = ADDRESS.matcher(cells[columns[n]]);
                if (!m.find()) {
                    problems.add(row[1] + " has no address for " + networks.get(n).name() + " in " + row[0]);
                    continue;
                }
                checked++;
                same(problems, networks.get(n), (String) row[2], m.group());
            }
        }
        System.out.println("[presets] " + checked + " liquid staking addresses checked against lido.md, etherfi.md, rocketpool.md");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertEquals(3 + 4 * 2 + 2 + 3, checked, "every row and column was found");
    }

    /**
     * The Symbiotic entries against symbiotic.md section 9: the mainnet core table (plus the current staker rewards
     * factory) and the testnet line, whose full addresses Hoodi and Sepolia share.
     */
    @Test
    void symbioticPresetsMatchTheFactsFile() throws IOException {
        Path facts = SharedFacts.requireOrSkip("protocols/symbiotic.md");
        List<String> lines = Files.readAllLines(facts);
        List<String> problems = new ArrayList<>();
        int checked = 0;
        String[][] mainnet = {{"VaultFactory", "symbiotic.VaultFactory"}, {"DelegatorFactory", "symbiotic.DelegatorFactory"},
                {"SlasherFactory", "symbiotic.SlasherFactory"}, {"NetworkRegistry", "symbiotic.NetworkRegistry"},
                {"NetworkMiddlewareService", "symbiotic.NetworkMiddlewareService"},
                {"OperatorRegistry", "symbiotic.OperatorRegistry"},
                {"OperatorVaultOptInService", "symbiotic.OperatorVaultOptInService"},
                {"OperatorNetworkOptInService", "symbiotic.OperatorNetworkOptInService"},
                {"VaultConfigurator", "symbiotic.VaultConfigurator"},
                {"DefaultStakerRewardsFactory (v2, current)", "symbiotic.DefaultStakerRewardsFactory"}};
        for (String[] row : mainnet) {
            String line = lines.stream().filter(l -> l.startsWith("| " + row[0] + " |")).findFirst().orElse(null);
            Matcher m = line == null ? null : ADDRESS.matcher(line);
            if (m == null || !m.find()) {
                problems.add("symbiotic.md has no mainnet row " + row[0]);
                continue;
            }
            checked++;
            same(problems, Network.mainnet(), row[1], m.group());
        }
        String testnets = lines.stream().filter(l -> l.startsWith("Testnets (same file)")).findFirst().orElse("");
        String[][] shared = {{"VaultFactory", "symbiotic.VaultFactory"}, {"NetworkRegistry", "symbiotic.NetworkRegistry"},
                {"OperatorRegistry", "symbiotic.OperatorRegistry"}};
        for (String[] entry : shared) {
            Matcher m = Pattern.compile(entry[0] + " `(0x[0-9a-fA-F]{40})`").matcher(testnets);
            if (!m.find()) {
                problems.add("symbiotic.md's testnet line has no full " + entry[0]);
                continue;
            }
            for (Network n : List.of(Network.hoodi(), Network.sepolia())) {
                checked++;
                same(problems, n, entry[1], m.group(1));
            }
        }
        System.out.println("[presets] " + checked + " Symbiotic addresses checked against " + facts);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertEquals(mainnet.length + 2 * shared.length, checked, "every row was found");
    }

    /**
     * The Karak entries against karak.md section 5 ("| Contract | Chain | Address | Source |"): the v1 supervisors on
     * Ethereum and the v1 VaultSupervisor and v2 Core on Arbitrum; and no Karak v2 on mainnet, no other protocol on
     * Arbitrum.
     */
    @Test
    void karakPresetsMatchTheFactsFile() throws IOException {
        Path facts = SharedFacts.requireOrSkip("protocols/karak.md");
        List<String> lines = Files.readAllLines(facts);
        List<String> problems = new ArrayList<>();
        String[][] rows = {{"VaultSupervisor (v1)", "Ethereum", "mainnet", "karak.VaultSupervisor"},
                {"DelegationSupervisor (v1)", "Ethereum", "mainnet", "karak.DelegationSupervisor"},
                {"VaultSupervisor (v1)", "Arbitrum", "arbitrum", "karak.VaultSupervisor"},
                {"Core (v2)", "Arbitrum", "arbitrum", "karak.Core"}};
        int checked = 0;
        for (String[] row : rows) {
            String prefix = "| " + row[0] + " | " + row[1] + " |";
            String line = lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElse(null);
            Matcher m = line == null ? null : ADDRESS.matcher(line.substring(prefix.length()));
            if (m == null || !m.find()) {
                problems.add("karak.md has no row " + prefix);
                continue;
            }
            checked++;
            same(problems, row[2].equals("mainnet") ? Network.mainnet() : Network.arbitrum(), row[3], m.group());
        }
        System.out.println("[presets] " + checked + " Karak addresses checked against " + facts);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertEquals(rows.length, checked, "every row was found");
        assertTrue(Network.mainnet().address("karak.Core").isEmpty(), "mainnet has no Karak v2 Core in the facts");
        for (String other : List.of("eigenlayer.", "symbiotic.", "lido.", "etherfi.", "rocketpool.")) {
            assertTrue(Network.arbitrum().addresses().keySet().stream().noneMatch(k -> k.startsWith(other)),
                    "Arbitrum One has no " + other + "* deployment");
        }
    }

    /** The bridged tokens of the Arbitrum preset are not the mainnet tokens of the same symbol. */
    @Test
    void arbitrumTokensAreTheirOwn() {
        for (String symbol : List.of("WETH", "wstETH", "weETH", "rETH")) {
            String l2 = Network.arbitrum().require("tokens." + symbol);
            String l1 = Network.mainnet().require("tokens." + symbol);
            assertTrue(!l1.equalsIgnoreCase(l2), symbol + " has its own address on each chain");
        }
        assertEquals(Network.mainnet().require("etherfi.weETH"), Network.mainnet().require("tokens.weETH"));
    }

    @Test
    void presetsHaveTheirChainIdsAndValidAddresses() {
        assertEquals(1, Network.mainnet().chainId());
        assertEquals(560048, Network.hoodi().chainId());
        assertEquals(11155111, Network.sepolia().chainId());
        assertEquals(42161, Network.arbitrum().chainId());
        for (Network n : List.of(Network.mainnet(), Network.arbitrum(), Network.hoodi(), Network.sepolia())) {
            n.addresses().forEach((k, v) -> assertTrue(ADDRESS.matcher(v).matches(), n + " " + k + " = " + v));
            assertEquals(Network.CANONICAL_MULTICALL3, n.multicall3());
        }
    }

    private static void same(List<String> problems, Network network, String key, String expected) {
        String actual = network.address(key).orElse("(missing)");
        if (!actual.toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT))) {
            problems.add(network.name() + " " + key + ": preset " + actual + ", facts " + expected);
        }
    }
}
