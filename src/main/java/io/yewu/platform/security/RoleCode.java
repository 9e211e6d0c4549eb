package io.yewu.platform.security;

/** The roles of spec 00, with their Chinese and English names and the data scope a new company starts with. */
public enum RoleCode {
    SALESPERSON("业务员", "Salesperson", DataScopeLevel.OWN),
    NETWORK_PROMOTER("网络推广专员", "Network-promotion specialist", DataScopeLevel.OWN),
    BUSINESS_MANAGER("业务经理", "Business manager", DataScopeLevel.DEPARTMENT),
    GENERAL_MANAGER("总经理", "General manager", DataScopeLevel.ALL),
    FINANCE("财务", "Finance", DataScopeLevel.ALL),
    CASHIER("出纳", "Cashier", DataScopeLevel.ALL),
    FINANCE_DIRECTOR("财务总监", "Finance director", DataScopeLevel.ALL),
    ADMINISTRATION("行政部", "Administration", DataScopeLevel.ALL),
    SERVICE_AGENT("客服业务代表", "Service agent", DataScopeLevel.OWN),
    SHIFT_LEAD("值班长", "Shift lead", DataScopeLevel.DEPARTMENT),
    QC_INSPECTOR("质检员", "QC inspector", DataScopeLevel.DEPARTMENT),
    RETURN_VISIT("回访工位", "Return-visit desk", DataScopeLevel.DEPARTMENT),
    KNOWLEDGE_EDITOR("采编工位", "Knowledge editor", DataScopeLevel.DEPARTMENT),
    SERVICE_DIRECTOR("客服主任", "Service director", DataScopeLevel.DEPARTMENT),
    MARKETING_DIRECTOR("营销总监", "Marketing director", DataScopeLevel.ALL),
    MARKET_MANAGER("市场经理", "Market manager", DataScopeLevel.DEPARTMENT),
    ACCOUNT_MANAGER("客户经理", "Account manager", DataScopeLevel.OWN),
    RETAILER("零售户", "Retailer", DataScopeLevel.OWN),
    /** ORD-6 … ORD-8: prints, packs, ships and delivers released orders, takes changed ones back (docs/decisions/0014). */
    WAREHOUSE("仓库", "Warehouse clerk", DataScopeLevel.ALL),
    ADMIN("系统管理员", "Administrator", DataScopeLevel.ALL),
    GROUP_ADMIN("集团管理员", "Group administrator", DataScopeLevel.ALL);

    private final String zh;
    private final String en;
    private final DataScopeLevel defaultScope;

    RoleCode(String zh, String en, DataScopeLevel defaultScope) {
        this.zh = zh;
        this.en = en;
        this.defaultScope = defaultScope;
    }

    public String zh() { return zh; }

    public String en() { return en; }

    public DataScopeLevel defaultScope() { return defaultScope; }
}
