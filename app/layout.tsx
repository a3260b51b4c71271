import type { Metadata } from "next";
import type { ReactNode } from "react";
import { THEME_SCRIPT } from "./theme-script";
import "./globals.css";

export const metadata: Metadata = {
  title: "Unmask",
  description: "A local app generator on a masked-diffusion language model",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The theme script sets the `dark` class before hydration.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">{children}</body>
    </html>
  );
}
