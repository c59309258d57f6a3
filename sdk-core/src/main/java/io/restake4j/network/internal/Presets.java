package io.restake4j.network.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The address books of the public network presets, protocol by protocol. Every address is a proxy of the
 * real deployment, from the sources named in {@code ../shared/protocols/*.md} (EigenLayer: the
 * eigenlayer-contracts README at f84a5151, cross-checked against its mainnet config files). Lido and
 * Rocket Pool are entered by their address books only ({@code lido.LidoLocator}, {@code rocketpool.RocketStorage}):
 * the clients look the other contracts up there at run time, so an upgrade that moves one does not need a
 * new release.
 */
public final class Presets {

    /** The beaconChainETH strategy sentinel (not a contract), the same on every network. */
    public static final String BEACON_CHAIN_ETH_STRATEGY = "0xbeaC0eeEeeeeEEeEeEEEEeeEEeEeeeEeeEEBEaC0";

    private Presets() {
    }

    /** Ethereum mainnet (chain 1). */
    public static Map<String, String> mainnet() {
        Map<String, String> book = new LinkedHashMap<>();
        eigenLayer(book, "0x39053D51B77DC0d36036Fc1fCc8Cb819df8Ef37A", "0x858646372CC42E1A627fcE94aa7A7033e7CF075A",
                "0x91E677b07F7AF907ec9a428aafA9fc14a0d3A338", "0x135dda560e946695d6f155dacafc6f1f25c1f5af",
                "0x7750d328b314EfFa365A0402CcfD489B80B0adda", "0x948a420b8CC1d6BFd0B6087C2E7c344a2CD0bc39",
                "0x25E5F8B1E7aDf44518d35D5B2271f114e081f0E5", "0x5e4C39Ad7A3E881585e383dB9827EB4811f6F647",
                "0xec53bf9167f50cdeb3ae105f56099aaab9061f83", "0x83E9115d334D248Ce39a6f36144aEaB5b3456e75",
                "0xaCB55C530Acdb2849e6d4f36992Cd8c9D50ED8F7");
        strategy(book, "stETH", "0x93c4b944D05dfe6df7645A86cd2206016c51564D");
        strategy(book, "rETH", "0x1BeE69b7dFFfA4E2d53C2a2Df135C388AD25dCD2");
        strategy(book, "cbETH", "0x54945180dB7943c0ed0FEE7EdaB2Bd24620256bc");
        strategy(book, "ETHx", "0x9d7eD45EE2E8FC5482fa2428f15C971e6369011d");
        strategy(book, "ankrETH", "0x13760F50a9d7377e4F20CB8CF9e4c26586c658ff");
        strategy(book, "OETH", "0xa4C637e0F704745D182e4D38cAb7E7485321d059");
        strategy(book, "osETH", "0x57ba429517c3473B6d34CA9aCd56c0e735b94c02");
        strategy(book, "swETH", "0x0Fe4F44beE93503346A3Ac9EE5A26b130a5796d6");
        strategy(book, "wBETH", "0x7CA911E83dabf90C90dD3De5411a10F1A6112184");
        strategy(book, "sfrxETH", "0x8CA7A5d6f3acd3A7A8bC468a8CD0FB14B6BD28b6");
        strategy(book, "lsETH", "0xAe60d8180437b5C34bB956822ac2710972584473");
        strategy(book, "mETH", "0x298aFB19A105D59E74658C4C334Ff360BadE6dd2");
        book.put("lido.LidoLocator", "0xC1d0b3DE6792Bf6b4b37EccdcC24e45978Cfd2Eb");
        etherFi(book, "0x308861A430be4cce5502d0A12724771Fc6DaF216", "0x35fA164735182de50811E8e2E824cFb9B6118ac2",
                "0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee", "0x7d5706f6ef3F89B3951E23e557CDFBC3239D4E2c");
        book.put("rocketpool.RocketStorage", "0x1d8f8f00cfa6758d7bE78336684788Fb0ee0Fa46");
        karakV1(book, "0x54e44DbB92dBA848ACe27F44c0CB4268981eF1CC");
        book.put("karak.DelegationSupervisor", "0xAfa904152E04aBFf56701223118Be2832A4449E0");
        tokens(book, "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", "0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0",
                "0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee", "0xae78736Cd615f374D3085123A210448E74Fc6393");
        book.put("symbiotic.VaultFactory", "0xAEb6bdd95c502390db8f52c8909F703E9Af6a346");
        book.put("symbiotic.DelegatorFactory", "0x985Ed57AF9D475f1d83c1c1c8826A0E5A34E8C7B");
        book.put("symbiotic.SlasherFactory", "0x685c2eD7D59814d2a597409058Ee7a92F21e48Fd");
        book.put("symbiotic.NetworkRegistry", "0xC773b1011461e7314CF05f97d95aa8e92C1Fd8aA");
        book.put("symbiotic.NetworkMiddlewareService", "0xD7dC9B366c027743D90761F71858BCa83C6899Ad");
        book.put("symbiotic.OperatorRegistry", "0xAd817a6Bc954F678451A71363f04150FDD81Af9F");
        book.put("symbiotic.OperatorVaultOptInService", "0xb361894bC06cbBA7Ea8098BF0e32EB1906A5F891");
        book.put("symbiotic.OperatorNetworkOptInService", "0x7133415b33B438843D581013f98A08704316633c");
        book.put("symbiotic.VaultConfigurator", "0x29300b1d3150B4E2b12fE80BE72f365E200441EC");
        book.put("symbiotic.DefaultStakerRewardsFactory", "0xFEB871581C2ab2e1EEe6f7dDC7e6246cFa087A23");
        return book;
    }

    /**
     * Arbitrum One (chain 42161): Karak v1 (the VaultSupervisor; its DelegationSupervisor is read from it) and the
     * v2 Core (karak.md section 5), and the bridged tokens restakers hold there. The bridged wstETH, weETH and rETH
     * are plain L2 ERC-20s (no Lido, ether.fi or Rocket Pool contracts on this chain); their addresses are the
     * underlying assets of Aave v3 on Arbitrum (bgd-labs/aave-address-book@9bf037ef, src/AaveV3Arbitrum.sol,
     * {@code AaveV3ArbitrumAssets}), with WETH from the same list.
     */
    public static Map<String, String> arbitrum() {
        Map<String, String> book = new LinkedHashMap<>();
        karakV1(book, "0x399f22ae52a18382a67542b3de9bed52b7b9a4ad");
        book.put("karak.Core", "0xc4B3D494c166eBbFF9C716Da4cec39B579795A0d");
        tokens(book, "0x82aF49447D8a07e3bd95BD0d56f35241523fBab1", "0x5979D7b546E38E414F7E9822514be443A4800529",
                "0x35751007a407ca6FEFfE80b3cB397736D2cf4dbe", "0xEC70Dcb4A1EFa46b8F2D97C310C9c4790ba5ffA8");
        return book;
    }

    /** Hoodi testnet (chain 560048). */
    public static Map<String, String> hoodi() {
        Map<String, String> book = new LinkedHashMap<>();
        eigenLayer(book, "0x867837a9722C512e0862d8c2E15b8bE220E8b87d", "0xeE45e76ddbEDdA2918b8C7E3035cd37Eab3b5D41",
                "0xcd1442415Fc5C29Aa848A49d2e232720BE07976c", "0xD58f6844f79eB1fbd9f7091d05f7cb30d3363926",
                "0x29e8572678e0c272350aa0b4B8f304E47EBcd5e7", "0x95a7431400F362F3647a69535C5666cA0133CAA0",
                "0xdcCF401fD121d8C542E96BC1d0078884422aFAD2", "0xfB7d94501E4d4ACC264833Ef4ede70a11517422B",
                "0x8ae2520954db7D80D66835cB71E692835bbA45bf", "0x6e60888132Cc7e637488379B4B40c42b3751f63a",
                "0xB27b10291DBFE6576d17afF3e251c954Ae14f1D3");
        strategy(book, "stETH", "0xf8a1a66130d614c7360e868576d5e59203475fe0");
        strategy(book, "WETH", "0x24579aD4fe83aC53546E5c2D3dF5F85D6383420d");
        book.put("lido.LidoLocator", "0xe2EF9536DAAAEBFf5b1c130957AB3E80056b06D8");
        etherFi(book, "0x4a8081095549e63153a61D21F92ff079fe39858E", "0x5595b182162DB7ECfdFE5Ea948d7636b9e250C4D",
                "0xd5A50FAE2736CA59Bd6Ac4AF59b1f0fFAB62c4A2", "0xb17528f26b0F7ED107E4E17f48bcC2E169Dcb6c1");
        book.put("rocketpool.RocketStorage", "0x594Fb75D3dc2DFa0150Ad03F99F97817747dd4E1");
        symbioticTestnet(book);
        return book;
    }

    /** Sepolia testnet (chain 11155111); EigenPods are paused there. */
    public static Map<String, String> sepolia() {
        Map<String, String> book = new LinkedHashMap<>();
        eigenLayer(book, "0xD4A7E1Bd8015057293f0D0A557088c286942e84b", "0x2E3D6c0744b10eb0A4e6F679F71554a39Ec47a5D",
                "0x56BfEb94879F4543E756d26103976c567256034a", "0xa789c91ECDdae96865913130B786140Ee17aF545",
                "0x5ae8152fb88c26ff9ca5C014c94fca3c68029349", "0x42583067658071247ec8CE0A516A58f682002d07",
                "0x44632dfBdCb6D3E21EF613B0ca8A6A0c618F5a37", "0x066cF95c1bf0927124DFB8B02B401bc23A79730D",
                "0x0011FA2c512063C495f77296Af8d195F33A8Dd38", "0xc5B857A92245f64e9D90cCc5b096Db82eB77eB5c",
                "0x8E93249a6C37a32024756aaBd813E6139b17D1d5");
        strategy(book, "stETH", "0x8b29d91e67b013e855EaFe0ad704aC4Ab086a574");
        strategy(book, "WETH", "0x424246eF71b01ee33aA33aC590fd9a0855F5eFbc");
        book.put("lido.LidoLocator", "0x8f6254332f69557A72b0DA2D5F0Bc07d4CA991E7");
        symbioticTestnet(book);
        return book;
    }

    /**
     * The Symbiotic core contracts Holesky, Sepolia and Hoodi share (symbiotic.md section 9); the facts file
     * gives the opt-in services and the middleware service there only abbreviated, so they are not entered.
     */
    private static void symbioticTestnet(Map<String, String> book) {
        book.put("symbiotic.VaultFactory", "0x407A039D94948484D356eFB765b3c74382A050B4");
        book.put("symbiotic.NetworkRegistry", "0x7d03b7343BF8d5cEC7C0C27ecE084a20113D15C9");
        book.put("symbiotic.OperatorRegistry", "0x6F75a4ffF97326A00e52662d82EA4FdE86a2C548");
    }

    private static void eigenLayer(Map<String, String> book, String delegationManager, String strategyManager,
            String eigenPodManager, String avsDirectory, String rewardsCoordinator, String allocationManager,
            String permissionController, String strategyFactory, String eigen, String backingEigen, String eigenStrategy) {
        book.put("eigenlayer.DelegationManager", delegationManager);
        book.put("eigenlayer.StrategyManager", strategyManager);
        book.put("eigenlayer.EigenPodManager", eigenPodManager);
        book.put("eigenlayer.AVSDirectory", avsDirectory);
        book.put("eigenlayer.RewardsCoordinator", rewardsCoordinator);
        book.put("eigenlayer.AllocationManager", allocationManager);
        book.put("eigenlayer.PermissionController", permissionController);
        book.put("eigenlayer.StrategyFactory", strategyFactory);
        book.put("eigenlayer.EIGEN", eigen);
        book.put("eigenlayer.bEIGEN", backingEigen);
        book.put("eigenlayer.beaconChainETHStrategy", BEACON_CHAIN_ETH_STRATEGY);
        strategy(book, "EIGEN", eigenStrategy);
    }

    private static void strategy(Map<String, String> book, String symbol, String address) {
        book.put("eigenlayer.strategy." + symbol, address);
    }

    /**
     * Karak v1's VaultSupervisor (karak.md section 5); the DelegationSupervisor is entered where the facts give it,
     * and read from the supervisor's {@code delegationSupervisor()} otherwise.
     */
    private static void karakV1(Map<String, String> book, String vaultSupervisor) {
        book.put("karak.VaultSupervisor", vaultSupervisor);
    }

    /** The tokens a client can name by symbol on the chain ({@code client.tokens().known("wstETH")}). */
    private static void tokens(Map<String, String> book, String weth, String wstEth, String weEth, String rEth) {
        book.put("tokens.WETH", weth);
        book.put("tokens.wstETH", wstEth);
        book.put("tokens.weETH", weEth);
        book.put("tokens.rETH", rEth);
    }

    /** ether.fi's user-facing proxies (etherfi.md section 7). */
    private static void etherFi(Map<String, String> book, String liquidityPool, String eEth, String weEth, String withdrawRequestNft) {
        book.put("etherfi.LiquidityPool", liquidityPool);
        book.put("etherfi.eETH", eEth);
        book.put("etherfi.weETH", weEth);
        book.put("etherfi.WithdrawRequestNFT", withdrawRequestNft);
    }
}
