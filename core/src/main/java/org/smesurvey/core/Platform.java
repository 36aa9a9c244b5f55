package org.smesurvey.core;

/**
 * A named social network or collaboration platform a figure is about.
 *
 * @since 0.1
 */
public enum Platform implements Coded {
    /** Facebook. */
    FACEBOOK("Facebook"),
    /** LinkedIn. */
    LINKEDIN("LinkedIn"),
    /** Twitter, renamed X in 2023. */
    TWITTER("Twitter/X"),
    /** Instagram. */
    INSTAGRAM("Instagram"),
    /** YouTube. */
    YOUTUBE("YouTube"),
    /** TikTok. */
    TIKTOK("TikTok"),
    /** Pinterest. */
    PINTEREST("Pinterest"),
    /** Google+ (closed in 2019). */
    GOOGLE_PLUS("Google+"),
    /** Xing, the German-speaking professional network. */
    XING("Xing"),
    /** Viadeo, the French professional network. */
    VIADEO("Viadeo"),
    /** Yammer, an internal enterprise social network (Microsoft). */
    YAMMER("Yammer"),
    /** Workplace from Meta (formerly Workplace by Facebook), an internal network. */
    WORKPLACE("Workplace from Meta"),
    /** Microsoft SharePoint. */
    SHAREPOINT("SharePoint"),
    /** Slack. */
    SLACK("Slack"),
    /** Microsoft Teams. */
    TEAMS("Microsoft Teams"),
    /** Skype for Business (Microsoft, replaced by Teams from 2021). */
    SKYPE_FOR_BUSINESS("Skype for Business"),
    /** Another platform. */
    OTHER("another platform");

    private final String description;

    Platform(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
