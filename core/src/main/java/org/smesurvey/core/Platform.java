package org.smesurvey.core;

/**
 * A named social network or collaboration platform a figure is about.
 *
 * @since 0.1
 */
public enum Platform implements Coded {
    /** Facebook. */
    FACEBOOK("facebook", "Facebook"),
    /** LinkedIn. */
    LINKEDIN("linkedin", "LinkedIn"),
    /** Twitter, renamed X in 2023. */
    TWITTER("twitter", "Twitter/X"),
    /** Instagram. */
    INSTAGRAM("instagram", "Instagram"),
    /** YouTube. */
    YOUTUBE("youtube", "YouTube"),
    /** TikTok. */
    TIKTOK("tiktok", "TikTok"),
    /** Pinterest. */
    PINTEREST("pinterest", "Pinterest"),
    /** Google+ (closed in 2019). */
    GOOGLE_PLUS("google_plus", "Google+"),
    /** Xing, the German-speaking professional network. */
    XING("xing", "Xing"),
    /** Viadeo, the French professional network. */
    VIADEO("viadeo", "Viadeo"),
    /** Yammer, an internal enterprise social network (Microsoft). */
    YAMMER("yammer", "Yammer"),
    /** Workplace from Meta (formerly Workplace by Facebook), an internal network. */
    WORKPLACE("workplace", "Workplace from Meta"),
    /** Microsoft SharePoint. */
    SHAREPOINT("sharepoint", "SharePoint"),
    /** Slack. */
    SLACK("slack", "Slack"),
    /** Microsoft Teams. */
    TEAMS("teams", "Microsoft Teams"),
    /** Another platform. */
    OTHER("other", "another platform");

    private final String code;
    private final String description;

    Platform(String code, String description) {
        this.code = code;
        this.description = description;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String description() {
        return description;
    }
}
