/** Class names shared by the workspace's pages, so controls look and behave alike everywhere. */

export const inputClass =
  'block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 placeholder:text-slate-500 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700';

export const labelClass = 'block font-medium text-slate-900';

export const hintClass = 'mt-1 text-sm text-slate-600';

export const errorClass = 'mt-1 text-sm font-medium text-red-800';

export const primaryButtonClass =
  'inline-flex items-center justify-center rounded-md border border-blue-800 bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 disabled:cursor-not-allowed disabled:opacity-60';

export const secondaryButtonClass =
  'inline-flex items-center justify-center rounded-md border border-slate-400 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-60';

export const dangerLinkButtonClass =
  'inline-flex items-center rounded-md border border-transparent px-2 py-1 text-sm font-medium text-red-800 underline hover:bg-red-50';

export const linkClass = 'font-medium text-blue-800 underline hover:text-blue-950';

export const fieldsetClass = 'rounded-lg border border-slate-300 bg-white p-4 sm:p-6';

export const legendClass = 'px-1 text-lg font-semibold text-slate-900';
