// Small line icons, always beside a text label (aria-hidden: the label carries the meaning).

import type { ReactNode } from 'react';

function Icon({ children, className }: { readonly children: ReactNode; readonly className?: string }) {
  return (
    <svg
      className={className ?? 'icon'}
      viewBox="0 0 24 24"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export function ListIcon() {
  return (
    <Icon>
      <path d="M8 6h13M8 12h13M8 18h13M3 6h.01M3 12h.01M3 18h.01" />
    </Icon>
  );
}

export function UploadIcon() {
  return (
    <Icon>
      <path d="M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4M17 8l-5-5-5 5M12 3v12" />
    </Icon>
  );
}

export function SyncIcon() {
  return (
    <Icon>
      <path d="M21 12a9 9 0 0 1-15.5 6.2M3 12A9 9 0 0 1 18.5 5.8" />
      <path d="M18 2v4h-4M6 22v-4h4" />
    </Icon>
  );
}

export function OfflineIcon() {
  return (
    <Icon>
      <path d="M2 2l20 20M8.5 16.5a5 5 0 0 1 7 0M5 12.9a10 10 0 0 1 5.2-2.8M19 12.9a10 10 0 0 0-2.3-1.7M2 8.8a15 15 0 0 1 4.2-2.6M22 8.8A15 15 0 0 0 11 4.5M12 20h.01" />
    </Icon>
  );
}

export function SettingsIcon() {
  return (
    <Icon>
      <circle cx="12" cy="12" r="3" />
      <path d="M12 2v3M12 19v3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M2 12h3M19 12h3M4.9 19.1 7 17M17 7l2.1-2.1" />
    </Icon>
  );
}

/** Marks a withdrawn report: a circle struck through. */
export function WithdrawnIcon() {
  return (
    <Icon>
      <circle cx="12" cy="12" r="9" />
      <path d="M5.6 18.4 18.4 5.6" />
    </Icon>
  );
}

export function AlertIcon() {
  return (
    <Icon>
      <path d="M12 9v4M12 17h.01" />
      <path d="M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z" />
    </Icon>
  );
}

export function SortIcon({ direction }: { readonly direction: 'ascending' | 'descending' | 'none' }) {
  return (
    <Icon className="icon icon-sort">
      {direction === 'ascending' ? <path d="M12 19V5M5 12l7-7 7 7" /> : null}
      {direction === 'descending' ? <path d="M12 5v14M19 12l-7 7-7-7" /> : null}
      {direction === 'none' ? <path d="M8 9l4-4 4 4M16 15l-4 4-4-4" /> : null}
    </Icon>
  );
}

export function LockIcon() {
  return (
    <Icon>
      <rect x="4" y="11" width="16" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </Icon>
  );
}

// Analysis views: overview, series, graph tools.

export function ChartIcon() {
  return (
    <Icon>
      <path d="M3 3v18h18" />
      <path d="M7 15l4-4 3 3 6-7" />
    </Icon>
  );
}

export function NetworkIcon() {
  return (
    <Icon>
      <circle cx="5" cy="6" r="2.5" />
      <circle cx="19" cy="6" r="2.5" />
      <circle cx="12" cy="18" r="2.5" />
      <path d="M7.3 7.2 10.8 16M16.7 7.2 13.2 16M7.5 6h9" />
    </Icon>
  );
}

/** Marks a series over the filing threshold (always beside its text). */
export function FlagIcon() {
  return (
    <Icon>
      <path d="M4 22V4M4 4h13l-2 4 2 4H4" />
    </Icon>
  );
}

// Case files and the audit log (wt-ui2).
export function CaseIcon() {
  return (
    <Icon>
      <path d="M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z" />
    </Icon>
  );
}

export function AuditIcon() {
  return (
    <Icon>
      <path d="M9 4h6M9 4a1 1 0 0 0-1 1v1h8V5a1 1 0 0 0-1-1M8 6H6a1 1 0 0 0-1 1v13a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V7a1 1 0 0 0-1-1h-2M9 12h6M9 16h4" />
    </Icon>
  );
}

export function CalendarIcon() {
  return (
    <Icon>
      <path d="M4 6a2 2 0 0 1 2-2h12a2 2 0 0 1 2 2v13a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2zM16 2v4M8 2v4M4 10h16" />
    </Icon>
  );
}

/** The review queue: two reports that may belong together (a dashed link between two nodes). */
export function SuggestIcon() {
  return (
    <Icon>
      <circle cx="6" cy="12" r="3" />
      <circle cx="18" cy="12" r="3" />
      <path d="M9.5 12h1.5M13 12h1.5" />
    </Icon>
  );
}
