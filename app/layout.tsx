import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "Unmask",
  description: "A local app generator on a masked-diffusion language model",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="h-screen bg-slate-50 text-slate-900 antialiased">{children}</body>
    </html>
  );
}
