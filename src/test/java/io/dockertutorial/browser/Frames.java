package io.dockertutorial.browser;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.util.Arrays;

/** Checks on explainer iframes in a host page: ready (shown), and exactly as tall as their content. */
final class Frames {

    private Frames() {
    }

    /** The frame's inner height in the host page, and its document's height and scroll height inside. */
    static long[] heights(WebDriver driver, WebElement frame) {
        long outer = (Long) ((JavascriptExecutor) driver).executeScript("return arguments[0].clientHeight", frame);
        driver.switchTo().frame(frame);
        try {
            JavascriptExecutor js = (JavascriptExecutor) driver;
            long inner = (Long) js.executeScript("return Math.ceil(document.documentElement.getBoundingClientRect().height)");
            long scroll = (Long) js.executeScript("return document.documentElement.scrollHeight");
            return new long[]{outer, inner, scroll};
        } finally {
            driver.switchTo().defaultContent();
        }
    }

    static void fitsItsContent(WebDriver driver, WebElement frame) {
        BrowserSupport.waiting(driver)
                .withMessage(() -> "frame height, content height, scroll height: " + Arrays.toString(heights(driver, frame)))
                .until(d -> {
                    long[] h = heights(driver, frame);
                    return h[0] > 50 && Math.abs(h[0] - h[1]) <= 1 && h[2] <= h[0] + 1;
                });
    }

    /** Shown: embed.js reveals a frame once it has reported that its explainer is ready. */
    static boolean ready(WebDriver driver, WebElement frame) {
        return frame.isDisplayed() && "visible".equals(((JavascriptExecutor) driver)
                .executeScript("return getComputedStyle(arguments[0]).visibility", frame)) && frame.getSize().getHeight() > 50;
    }

    /** The theme the frame's page shows. */
    static String theme(WebDriver driver, WebElement frame) {
        driver.switchTo().frame(frame);
        try {
            return driver.findElement(org.openqa.selenium.By.tagName("html")).getAttribute("data-theme");
        } finally {
            driver.switchTo().defaultContent();
        }
    }
}
